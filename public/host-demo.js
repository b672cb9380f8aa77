// The host page's own script: mounts the Logs & Events app into the active tab and unmounts it
// on tab switch, as the Magento module's admin template does. No inline script: the page runs
// under a CSP of script-src 'self'.
;(function () {
  'use strict'
  var params = new URLSearchParams(window.location.search)
  var panel = document.getElementById('tab-panel')
  var second = document.getElementById('second-panel')
  var eventsBox = document.getElementById('host-events')
  var demo = { events: [], current: null, second: null, view: 'listing' }
  window.hostDemo = demo

  var languageLine = null

  function onEvent(event) {
    demo.events.push(event)
    // The language is said at every mount: one line, kept up to date.
    if (event.type === 'language-change' && languageLine) {
      languageLine.textContent = 'app event: language-change ' + event.language + ' ' + event.formatLocale
      return
    }
    var line = document.createElement('div')
    line.textContent =
      'app event: ' +
      event.type +
      (event.view ? ' ' + event.view : '') +
      (event.type === 'language-change' ? ' ' + event.language + ' ' + event.formatLocale : '')
    if (event.type === 'language-change') languageLine = line
    eventsBox.appendChild(line)
  }

  // ?tokens=a,b: the admin's tokens, as the Magento block and its token action would hand them
  // out (the first, then a fresh one each time the app asks again). Counted for the tests.
  var tokens = (params.get('tokens') || '').split(',').filter(Boolean)
  demo.tokenCalls = 0
  function getToken() {
    demo.tokenCalls += 1
    return tokens[Math.min(demo.tokenCalls - 1, tokens.length - 1)]
  }

  function options(view) {
    return {
      getToken: tokens.length ? getToken : undefined,
      view: view,
      apiBaseUrl: params.get('api') || '/api/v1',
      requestParams: { form_key: 'host-demo-form-key' },
      locale: params.get('locale') || 'en_US',
      timeZone: params.get('tz') || 'Europe/Warsaw',
      urls: {
        product: '/admin/catalog/product/edit/id/{id}/',
        magentoOrder: '/admin/sales/order/view/order_id/{id}/',
        ttsOrder: 'https://seller.tiktokshop.com/order/detail?order_no={id}',
      },
      onEvent: onEvent,
      // ?maxRecords=N: the record budget; ?from=…&to=…: the first log opens on that date range.
      maxRecords: params.get('maxRecords') ? Number(params.get('maxRecords')) : undefined,
      filters: params.get('from') || params.get('to') ? dateFilters() : undefined,
    }
  }

  function dateFilters() {
    var filters = {}
    if (params.get('from')) filters.from = params.get('from')
    if (params.get('to')) filters.to = params.get('to')
    return filters
  }

  function show(view) {
    demo.view = view
    document.querySelectorAll('[role="tab"]').forEach(function (tab) {
      tab.setAttribute('aria-selected', String(tab.getAttribute('data-view') === view))
    })
    panel.setAttribute('aria-labelledby', 'tab-' + view)
    if (demo.current) demo.current.unmount()
    demo.current = window.TtsLogs.mount(panel, options(view))
  }

  document.querySelectorAll('[role="tab"]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      show(tab.getAttribute('data-view'))
    })
  })

  demo.show = show
  demo.mountSecond = function (view) {
    second.hidden = false
    demo.second = window.TtsLogs.mount(second, options(view || 'listing'))
    return demo.second
  }
  demo.unmountAll = function () {
    if (demo.current) demo.current.unmount()
    if (demo.second) demo.second.unmount()
    demo.current = null
    demo.second = null
    second.hidden = true
  }

  // Before `npm run build:embed` the bundle is not there (the server answers 404): say so in the
  // page rather than show empty tabs.
  if (!window.TtsLogs) {
    var missing = document.createElement('p')
    missing.className = 'host-missing-bundle'
    missing.setAttribute('role', 'alert')
    missing.textContent =
      'The embed bundle embed/tts-logs.iife.js did not load. Build it with `npm run build:embed` ' +
      '(or `npm run build`), then reload this page.'
    panel.appendChild(missing)
    demo.show = function () {}
    return
  }

  if (params.get('autostart') !== '0') show(params.get('view') || 'listing')
})()
