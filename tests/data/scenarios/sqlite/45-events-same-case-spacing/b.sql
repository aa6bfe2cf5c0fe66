create table "Venues"(ID integer primary key,"NAME" text not null,[city] text);
create table `EVENTS` (
  id   integer   primary key ,
  venue_id  integer references VENUES(ID) on delete cascade,
  title text not null default 'untitled',
  STARTS_AT text);
create index "IX_EVENTS_STARTS" on events(starts_at);
create   view   upcoming  as  select ID, TITLE from EVENTS where STARTS_AT > '2024-01-01';
