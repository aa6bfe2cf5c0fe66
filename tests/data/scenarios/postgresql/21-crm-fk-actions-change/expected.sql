-- +cdb upgrade
ALTER TABLE "notes" DROP CONSTRAINT "notes_author_id_fkey";

ALTER TABLE "notes" DROP CONSTRAINT "notes_deal_id_fkey";

ALTER TABLE "notes" DROP CONSTRAINT "notes_topic_id_fkey";

ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE RESTRICT;

ALTER TABLE "notes" ADD CONSTRAINT "notes_deal_id_fkey" FOREIGN KEY (deal_id) REFERENCES deals(id) ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE "notes" ADD CONSTRAINT "notes_topic_id_fkey" FOREIGN KEY (topic_id) REFERENCES topics(id) DEFERRABLE INITIALLY DEFERRED;


-- +cdb downgrade
ALTER TABLE "notes" DROP CONSTRAINT "notes_topic_id_fkey";

ALTER TABLE "notes" DROP CONSTRAINT "notes_deal_id_fkey";

ALTER TABLE "notes" DROP CONSTRAINT "notes_author_id_fkey";

ALTER TABLE "notes" ADD CONSTRAINT "notes_topic_id_fkey" FOREIGN KEY (topic_id) REFERENCES topics(id);

ALTER TABLE "notes" ADD CONSTRAINT "notes_deal_id_fkey" FOREIGN KEY (deal_id) REFERENCES deals(id);

ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL;

