-- The latest view of each product per customer, for "related products viewed in the last 7 days".
CREATE TABLE product_view (
    customer_id varchar(128)  NOT NULL,
    sku         varchar(64)   NOT NULL,
    name        varchar(256)  NOT NULL,
    unit_price  numeric(14,2) NOT NULL,
    currency    varchar(3)    NOT NULL,
    category    varchar(128),
    image_url   text,
    product_url text,
    viewed_at   timestamptz   NOT NULL,
    PRIMARY KEY (customer_id, sku)
);
CREATE INDEX ix_product_view_customer_viewed ON product_view (customer_id, viewed_at DESC);
