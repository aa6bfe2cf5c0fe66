create schema crm;
create type crm.stage as enum ('lead', 'won', 'lost');
create function crm.touch() returns trigger as $body$
BEGIN
    NEW.touched_at := now();
    RETURN NEW;
END
$body$ language plpgsql;
create table crm.deals (
    id int8 generated always as identity (start with 1 increment by 1) primary key,
    stage crm.stage default 'lead'::crm.stage not null,
    amount decimal,
    touched_at timestamp with time zone
);
create trigger deals_touch before update on crm.deals for each row execute procedure crm.touch();
comment on table crm.deals is 'sales pipeline';
