create table public.ORDERS (
  ID   integer   not null ,
  CUSTOMER_ID integer,
  total NUMERIC( 10 , 2 ) default 0 not null
);
CREATE TABLE Customers (Id INTEGER NOT NULL, Name TEXT NOT NULL);
alter table customers add primary key (id);
alter table orders add primary key (id);
ALTER TABLE Orders ADD FOREIGN KEY (Customer_Id) REFERENCES Customers (Id) ON DELETE CASCADE;
create index IX_ORDERS_CUSTOMER on public.orders using btree (customer_id asc);
create view Order_Count as select Customer_Id, COUNT(*) as N from Orders group by Customer_Id;
