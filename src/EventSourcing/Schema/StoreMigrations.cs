namespace Outreach.EventSourcing;

/// <summary>
/// The store's own tables. Forward-only: a shipped step is never edited; changes come as new, additive steps.
/// </summary>
internal static class StoreMigrations
{
    public static readonly IReadOnlyList<Migration> Steps =
    [
        new(Migration.StoreScope, 1, "event_log", """
            -- fillfactor leaves room on each page so the version bump of every append is a HOT update.
            CREATE TABLE streams (
                id text PRIMARY KEY,
                type text,
                version bigint NOT NULL,
                tenant_id text,
                created timestamptz NOT NULL DEFAULT now(),
                archived boolean NOT NULL DEFAULT false
            ) WITH (fillfactor = 70);

            -- tx_id is the writing transaction: subscriptions read only below the oldest running transaction.
            CREATE TABLE events (
                seq_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id uuid NOT NULL,
                stream_id text NOT NULL,
                version bigint NOT NULL,
                type text NOT NULL,
                data jsonb NOT NULL,
                timestamp timestamptz NOT NULL DEFAULT now(),
                tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
                correlation_id text,
                causation_id text,
                traceparent text,
                tenant_id text,
                actor text,
                CONSTRAINT events_stream_version UNIQUE (stream_id, version)
            );
            CREATE INDEX events_type_seq ON events (type, seq_id);
            CREATE INDEX events_tx_seq ON events (tx_id, seq_id);

            CREATE TABLE subscription_checkpoints (
                name text PRIMARY KEY,
                tx_id xid8 NOT NULL DEFAULT '0',
                seq_id bigint NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE projection_rebuilds (
                name text PRIMARY KEY,
                tx_id xid8 NOT NULL DEFAULT '0',
                seq_id bigint NOT NULL DEFAULT 0,
                started_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            );

            CREATE TABLE inbox (
                message_id uuid NOT NULL,
                consumer text NOT NULL,
                handled_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (message_id, consumer)
            );

            -- Aborts a multi-stream append when one stream is not at its expected version, before any event row exists.
            CREATE FUNCTION es_raise_stream_conflict() RETURNS boolean LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION USING ERRCODE = 'ES409', MESSAGE = 'stream version conflict';
            END
            $$;
            """),
    ];
}
