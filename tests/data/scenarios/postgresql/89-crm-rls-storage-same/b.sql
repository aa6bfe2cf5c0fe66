create function crm_region_ok(r text) returns boolean
    language sql immutable as $$ SELECT r IN ('eu', 'us') $$;

create unlogged table sessions (id bigserial primary key, account_id int, token text not null)
    with (toast.autovacuum_enabled = 'false');

create table accounts (id int primary key, owner_name text not null, region text not null);
alter table accounts set (autovacuum_enabled = true, fillfactor = '70');
alter table accounts force row level security;
alter table accounts enable row level security;
create policy accounts_limit on accounts as restrictive for all to public using ((region is not null));
create policy accounts_del on accounts as permissive for delete using (owner_name = CURRENT_USER);
create policy accounts_edit on accounts for update using (TRUE) with check ((region <> ''::text));
create policy accounts_add on accounts for insert to current_user with check (crm_region_ok(region));
create policy accounts_read on accounts for select to public using ((owner_name = CURRENT_USER));
