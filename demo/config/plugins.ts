import type { Core } from '@strapi/strapi';

const limit = (value: string | undefined, fallback: number) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;
const verifyWindow = (ms: string | undefined) => Math.max(1, Math.ceil(limit(ms, 600_000) / 1000));

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  // The workspace plugin, built to cms-plugin/dist (`npm run build -w cms-plugin`). An unbuilt
  // plugin is skipped without a word: the tests check that its routes exist.
  begroot: {
    enabled: true,
    resolve: '../cms-plugin',
    config: {
      // Public writes per client address per route, and per round; counted in Redis when
      // REDIS_URL is set. 0 turns a limit off.
      rateLimits: {
        perClient: {
          max: limit(env('BEGROOT_RATE_LIMIT_CLIENT_MAX'), 10),
          windowSeconds: limit(env('BEGROOT_RATE_LIMIT_CLIENT_WINDOW'), 60),
        },
        perRound: {
          max: limit(env('BEGROOT_RATE_LIMIT_ROUND_MAX'), 600),
          windowSeconds: limit(env('BEGROOT_RATE_LIMIT_ROUND_WINDOW'), 60),
        },
      },
      // Verification attempts (voting), counted apart in the same store: per client address in
      // each round, and per round; one window, in milliseconds.
      verificationLimits: {
        perClient: {
          max: limit(env('BEGROOT_VERIFY_LIMIT_CLIENT'), 20),
          windowSeconds: verifyWindow(env('BEGROOT_VERIFY_WINDOW_MS')),
        },
        perRound: {
          max: limit(env('BEGROOT_VERIFY_LIMIT_ROUND'), 20_000),
          windowSeconds: verifyWindow(env('BEGROOT_VERIFY_WINDOW_MS')),
        },
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  // E-mail (one-time voting codes, status changes) over SMTP when SMTP_HOST is set. Without it
  // the mails are composed and dropped (nodemailer's JSON transport): a demo machine never tries
  // to deliver to residents' real addresses, and nothing waits on a mail server that is not there.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST')
        ? {
            host: env('SMTP_HOST'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            ...(env('SMTP_USERNAME')
              ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } }
              : {}),
          }
        : { jsonTransport: true },
      settings: {
        defaultFrom: env('SMTP_FROM', 'begroot@voorbeeldstad.test'),
        defaultReplyTo: env('SMTP_REPLY_TO', env('SMTP_FROM', 'begroot@voorbeeldstad.test')),
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: ['image/*', 'application/pdf'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
});

export default config;
