export default {
  app: {
    name: 'TikTok Shop',
    skipToContent: 'Skip to content',
    language: 'Language',
    adminTitle: 'Magento Admin · M2E TikTok Shop Connect',
  },
  menu: {
    label: 'TikTok Shop',
    listings: 'Listings',
    sales: 'Sales',
    helpCenter: 'Help Center',
    logsAndEvents: 'Logs & Events',
    synchronizationLogs: 'Synchronization Logs',
  },
  logs: {
    listing: {
      title: 'Listings Logs & Events',
      help: 'This log holds the actions applied to the M2E TikTok Shop Connect listings and their items: products added, listed, revised, relisted or stopped on TikTok Shop, and changes of Magento product data that the extension reacted to.',
    },
    order: {
      title: 'Orders Logs & Events',
      help: 'This log holds what happened to your TikTok Shop orders: Magento orders created or not created (and why), invoices, shipments, tracking numbers sent to TikTok Shop, cancellations and refunds.',
    },
    synchronization: {
      title: 'Synchronization Logs',
      help: 'This log holds the problems met while synchronising listings, orders, shops and unmanaged listings between Magento and TikTok Shop.',
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at {path}.',
    back: 'Go to Listings Logs & Events',
  },
}
