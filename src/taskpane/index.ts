// Task pane entry: replaced by the task pane issue's implementation.
Office.onReady((info) => {
  const app = document.getElementById("app");
  if (app) {
    app.textContent = info.host ? "AICOST is connected to Excel." : "AICOST: not connected to Excel.";
  }
});
