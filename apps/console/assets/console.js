// The console works without this script; with it, a form marked data-confirm asks before it is sent (退回).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form instanceof HTMLFormElement ? form.getAttribute('data-confirm') : null;
  if (question && !window.confirm(question)) event.preventDefault();
});
