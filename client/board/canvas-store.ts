/** The canvas's board store: tldraw's own, with its default shape and binding utils (schema and all). */
import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw'
import type { MakeStore } from './useBoardStore.ts'

export const canvasStore: MakeStore = (parts) => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils, ...parts })
