/** Management routes (admin auth), served under `/begroot/`. None yet: see issue 4. */
export default () => ({
  type: 'admin',
  routes: [],
});
