import type { MessageSchema } from '@/locales'

const pl: MessageSchema = {
  app: {
    name: 'TikTok Shop',
    skipToContent: 'Przejdź do treści',
    language: 'Język',
    adminTitle: 'Panel Magento · M2E TikTok Shop Connect',
  },
  menu: {
    label: 'TikTok Shop',
    listings: 'Oferty',
    sales: 'Sprzedaż',
    helpCenter: 'Centrum pomocy',
    logsAndEvents: 'Dzienniki i zdarzenia',
    synchronizationLogs: 'Logi synchronizacji',
  },
  logs: {
    listing: {
      title: 'Dzienniki ofert',
      help: 'Ten dziennik zawiera działania wykonane na ofertach M2E TikTok Shop Connect i ich pozycjach: produkty dodane, wystawione, zmienione, wznowione lub zatrzymane w TikTok Shop oraz zmiany danych produktów Magento, na które zareagowało rozszerzenie.',
    },
    order: {
      title: 'Dziennik zamówień',
      help: 'Ten dziennik zawiera to, co stało się z Twoimi zamówieniami TikTok Shop: utworzone lub nieutworzone zamówienia Magento (i powód), faktury, wysyłki, numery śledzenia przesłane do TikTok Shop, anulowania i zwroty.',
    },
    synchronization: {
      title: 'Logi synchronizacji',
      help: 'Ten dziennik zawiera problemy napotkane podczas synchronizacji ofert, zamówień, sklepów i niezarządzanych ofert między Magento a TikTok Shop.',
    },
  },
  notFound: {
    title: 'Nie znaleziono strony',
    text: 'Pod adresem {path} nie ma strony.',
    back: 'Przejdź do Dzienników ofert',
  },
}

export default pl
