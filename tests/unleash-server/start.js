// Starts a real Unleash server for the kill-switch tests: PostgreSQL from DATABASE_URL, listening on
// 127.0.0.1:PORT, with the admin and client API tokens the test passes in INIT_ADMIN_API_TOKENS and
// INIT_CLIENT_API_TOKENS (Unleash's own variables). Prints "unleash ready" once it answers.
const unleash = require('unleash-server');

unleash
  .start({
    db: { ssl: false },
    server: { host: '127.0.0.1', port: Number(process.env.PORT), enableRequestLogger: false },
    logLevel: 'warn',
  })
  .then(() => console.log('unleash ready'))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
