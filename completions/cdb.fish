# fish completion for cdb(1), the schema migration tool.
#
# Revision ids, heads and branch labels come from the project itself through
# `cdb history --ids` and `cdb heads --ids`, which print one word per line and
# nothing outside a project, and from the labels in `cdb history`'s lines
# ("PARENTS -> ID (LABELS) (head), MESSAGE").

set -l cdb_commands init revision migrate diff upgrade downgrade stamp current heads branches history show merge check rebase help version

# Print the revision targets, asking the project named by -c/-d on the line.
function __cdb_targets
    set -l global
    set -l tokens (commandline -opc)
    set -e tokens[1]
    while set -q tokens[1]
        switch $tokens[1]
            case -c --config -d --database
                set -q tokens[2]; and set -a global $tokens[1] $tokens[2]
                set -e tokens[1]
            case '--config=*' '--database=*'
                set -a global $tokens[1]
        end
        set -e tokens[1]
    end
    printf '%s\tkeyword\n' head heads base
    begin
        command cdb $global history --ids
        command cdb $global heads --ids
    end 2>/dev/null | sort -u | string replace -r '$' '\trevision'
    for labels in (command cdb $global --color=never history 2>/dev/null | string replace -rf '^(?:<base>)?[^<>]* -> [^ ,]* \(([^)]*)\).*' '$1')
        for l in (string split , -- $labels | string trim)
            contains -- $l head current branchpoint mergepoint; and continue
            printf '%s\tbranch label\n' $l $l@head
        end
    end
end

function __cdb_git_refs
    git for-each-ref --format='%(refname:short)' 2>/dev/null
    echo HEAD
end

# No command yet: offer commands and global options.
complete -c cdb -f
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a init -d 'Create a cdb project'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a revision -d 'Write a new empty revision'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a migrate -d 'Write a revision from models vs database'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a diff -d 'Print the SQL migrate would write'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a upgrade -d 'Apply revisions up to a target'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a downgrade -d 'Revert revisions down to a target'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a stamp -d 'Record revisions without running them'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a current -d 'Show the revisions the database is at'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a heads -d 'Show the head revisions'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a branches -d 'Show the branch points'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a history -d 'List the revisions, newest first'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a show -d 'Show one revision'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a merge -d 'Write a revision joining several heads'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a check -d 'Verify revisions, database and models'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a rebase -d 'Move new revisions onto another head'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a help -d 'Show the usage of cdb or a command'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -a version -d 'Print the version of cdb'

# Global options, accepted before and after the command.
complete -c cdb -s c -l config -r -F -d 'Read the configuration from FILE'
complete -c cdb -s d -l database -x -a 'sqlite:/// postgresql://' -d 'Use the database at URL'
complete -c cdb -s q -l quiet -d 'Print no progress lines'
complete -c cdb -n "not __fish_seen_subcommand_from current heads branches history" -s v -l verbose -d 'Echo SQL statements'
complete -c cdb -l color -x -a 'auto always never' -d 'Colour the output'
complete -c cdb -l format -x -a 'text json' -d 'Output format'
complete -c cdb -s h -l help -d 'Print the usage'
complete -c cdb -n "not __fish_seen_subcommand_from $cdb_commands" -l version -d 'Print the version'

# init
complete -c cdb -n '__fish_seen_subcommand_from init' -l database -x -a 'sqlite:/// postgresql://' -d 'Database URL for cdb.ini'
complete -c cdb -n '__fish_seen_subcommand_from init' -x -a '(__fish_complete_directories)'

# revision, migrate, merge
complete -c cdb -n '__fish_seen_subcommand_from revision migrate merge' -s m -l message -x -d 'Message of the revision'
complete -c cdb -n '__fish_seen_subcommand_from revision migrate merge' -l rev-id -x -d 'Id of the new revision'
complete -c cdb -n '__fish_seen_subcommand_from revision merge' -l branch-label -x -d 'Branch label'
complete -c cdb -n '__fish_seen_subcommand_from revision' -l head -x -a '(__cdb_targets)' -d 'Parent of the new revision'
complete -c cdb -n '__fish_seen_subcommand_from revision' -l depends-on -x -a '(__cdb_targets)' -d 'Revision needed first'
complete -c cdb -n '__fish_seen_subcommand_from migrate' -l empty -d 'Write a revision even when nothing differs'
complete -c cdb -n '__fish_seen_subcommand_from migrate' -l check -d 'Write nothing, exit 1 when something differs'

# upgrade, downgrade, stamp, show, merge: revision targets
complete -c cdb -n '__fish_seen_subcommand_from upgrade downgrade stamp' -l sql -d 'Print the SQL instead of running it'
complete -c cdb -n '__fish_seen_subcommand_from stamp' -l purge -d 'Empty the version table first'
complete -c cdb -n '__fish_seen_subcommand_from upgrade downgrade stamp show merge' -x -a '(__cdb_targets)'

# current, heads, branches, history
complete -c cdb -n '__fish_seen_subcommand_from current heads branches history' -s v -l verbose -d 'Print each revision in full'
complete -c cdb -n '__fish_seen_subcommand_from heads history' -l ids -d 'Print only the ids'
complete -c cdb -n '__fish_seen_subcommand_from history' -s r -l rev-range -x -d 'Range START:END'
complete -c cdb -n '__fish_seen_subcommand_from history' -s i -l indicate-current -d 'Mark the current revisions'

# check, rebase
complete -c cdb -n '__fish_seen_subcommand_from check' -l scratch -d 'Replay the revisions into a scratch database'
complete -c cdb -n '__fish_seen_subcommand_from check' -l roundtrip -d 'Upgrade, downgrade to base, upgrade again'
complete -c cdb -n '__fish_seen_subcommand_from check' -l base -x -a '(__cdb_git_refs)' -d 'Git revision to compare with'
complete -c cdb -n '__fish_seen_subcommand_from rebase' -l onto -x -a '(__cdb_git_refs)' -d 'Git revision whose head to build on'

# help
complete -c cdb -n '__fish_seen_subcommand_from help' -x -a "$cdb_commands"
