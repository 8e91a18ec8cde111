export default defineBackground(() => {
  console.log('papershelf background');
});
