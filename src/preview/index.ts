// Preview entry: replaced by the preview issue's implementation.
const root = document.getElementById("preview");
if (root) {
  root.innerHTML = '<p>The AICOST add-in is built. Its task pane is at <a href="taskpane.html">taskpane.html</a>.</p>';
}
