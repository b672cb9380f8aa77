/** Element Plus's select and option with their styles: a chunk of its own (see deferredUi.ts). */
import 'element-plus/es/components/base/style/index'
import 'element-plus/es/components/select/style/index'
import 'element-plus/es/components/option/style/index'

export { ElOption, ElSelect } from 'element-plus/es'
