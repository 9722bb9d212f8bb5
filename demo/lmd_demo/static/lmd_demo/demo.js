// The demo pages' behaviour, kept out of the markup: the Content-Security-Policy runs no
// inline handlers. A select marked data-submit-on-change sends its form when changed (the
// language menu); without JavaScript its form keeps a submit button.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
});
