// The generator's tests open the server's test database and Yoga: the server's test setup (one
// graphql realm, forks, timeouts) applies as it is.
export { default } from '../../apps/server/vitest.config';
