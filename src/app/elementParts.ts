/**
 * Element Plus's form controls with their styles, a chunk of its own (see deferredUi.ts): the
 * select and its options, the input, the checkbox and the tag; and what gives the app Element
 * Plus's configuration for them (elementScope.ts).
 */
import 'element-plus/es/components/base/style/index'
import 'element-plus/es/components/checkbox/style/index'
import 'element-plus/es/components/input/style/index'
import 'element-plus/es/components/option/style/index'
import 'element-plus/es/components/select/style/index'
import 'element-plus/es/components/tag/style/index'

export { ElCheckbox, ElInput, ElOption, ElSelect, ElTag } from 'element-plus/es'
export { provideElementContextToApp } from '@/app/elementScope'
