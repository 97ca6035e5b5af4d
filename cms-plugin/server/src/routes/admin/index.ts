export default () => ({
  type: "admin",
  routes: [],
});