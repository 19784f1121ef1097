// Click (or Enter on) an edge: show its evidence block, hide the others. Uses no innerHTML:
// the evidence blocks are server-rendered and escaped, the script only toggles them.
(function () {
  function show(id) {
    document.querySelectorAll('.evidence').forEach(function (s) { s.hidden = (s.id !== 'ev-' + id); });
    document.querySelectorAll('.edge').forEach(function (g) { g.classList.toggle('selected', g.dataset.edge === id); });
    var hint = document.querySelector('.evidence-hint'); if (hint) { hint.hidden = true; }
  }
  document.querySelectorAll('.edge').forEach(function (g) {
    g.addEventListener('click', function () { show(g.dataset.edge); });
    g.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { show(g.dataset.edge); } });
  });
})();
