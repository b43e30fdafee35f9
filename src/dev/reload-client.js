// Dev only (`npm run dev`): the dev server adds this file to the pages it serves, never to
// the built site. It listens to the server's events and reloads the page when a build other
// than the one the page shows is in place. A separate file, not an inline script, so the
// pages' Content-Security-Policy (script-src 'self') allows it.
;(function () {
  var script = document.querySelector('script[data-dev-build]')
  var shown = script ? script.getAttribute('data-dev-build') : null
  var events = new EventSource('/__dev/events')
  events.addEventListener('build', function (event) {
    if (event.data !== shown) location.reload()
  })
  events.addEventListener('build-failed', function (event) {
    console.warn('[dev] rebuild failed, showing the last good build:\n' + event.data)
  })
})()
