/** The trend maths live in `@/trend` (below stores and views); this keeps older view imports working. */
export { trendBars, type MessageTrend } from '@/trend/trend'
