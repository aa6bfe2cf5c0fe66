INSERT INTO regions VALUES ('EU', 'Europe'), ('AS', 'Asia');
INSERT INTO countries VALUES (1, 'EU', 'France'), (2, 'AS', 'Japan');
