// The first screen's copies of Element Plus's icons (src/app/liteIcons.ts) draw what the library
// draws: the same SVG, path for path.
import * as library from '@element-plus/icons-vue'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Component } from 'vue'
import * as lite from '@/app/liteIcons'

const html = (icon: Component) => {
  const wrapper = mount(icon)
  const markup = wrapper.html()
  wrapper.unmount()
  return markup
}

describe('the first screen’s icons', () => {
  it.each(Object.keys(lite))('%s is the library’s icon', (name) => {
    const ours = html(lite[name as keyof typeof lite])
    expect(ours).toContain('<path')
    expect(ours).toBe(html(library[name as keyof typeof library] as Component))
  })
})
