import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * SQLite in `.tmp/data.db` with no set-up at all; PostgreSQL when `DATABASE_URL` is set
 * (`postgres://user:password@host:5432/database`). `DATABASE_FILENAME` may be absolute (tests use
 * a temporary file) or relative to this app's folder.
 */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const url = env('DATABASE_URL', '');
  const pool = { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) };
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (url) {
    // The parts as well as the string: pg reads the string (and its `?sslmode=`), Strapi the parts.
    const parsed = new URL(url);
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: url,
          host: parsed.hostname,
          port: Number(parsed.port || 5432),
          user: decodeURIComponent(parsed.username),
          password: decodeURIComponent(parsed.password),
          database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout,
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Compiled to dist/config/database.js: the app's folder is two levels up.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      acquireConnectionTimeout,
    },
  };
};

export default config;
