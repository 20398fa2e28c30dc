"""The timeline's filter as a choice, not a text box: on the `leader_timeline` canned query page,
the `scope` parameter (empty: statements on the topic; "all": everything the leader said) becomes
a select with two options that runs the query when changed. Without JavaScript the text box still
works. The script holds no data from the page or the database."""
from datasette import hookimpl

SCRIPT = """
(function () {
  var input = document.querySelector('form.sql input[name="scope"]');
  if (!input) { return; }
  var select = document.createElement('select');
  select.name = 'scope';
  select.id = input.id;
  [['', 'on the topic (or taking a side)'], ['all', 'everything they said']].forEach(function (choice) {
    var option = document.createElement('option');
    option.value = choice[0];
    option.textContent = choice[1];
    option.selected = input.value === choice[0];
    select.appendChild(option);
  });
  select.addEventListener('change', function () { select.form.submit(); });
  input.replaceWith(select);
  var label = document.querySelector('label[for="' + select.id + '"]');
  if (label) { label.textContent = 'statements'; }
})();
"""


@hookimpl
def extra_body_script(template, database, view_name, request):
    if request is not None and request.path.rstrip("/").endswith("/leader_timeline"):
        return SCRIPT
    return None
