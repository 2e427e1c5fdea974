-- Organizations (tenants) and the people who use the platform.
CREATE TABLE organizations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizations_slug_key UNIQUE (slug)
);

CREATE TABLE users (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email       text NOT NULL,
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);

-- Emails are unique whatever their case: Alice@acme.io and alice@acme.io are one person.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
