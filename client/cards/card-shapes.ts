/**
 * tldraw's geo and text shapes, described to screen readers as the cards they are on this board
 * (the templates' agreements and checklist items are geo shapes; see card-description.ts). Shapes
 * that are no card (scaffolding, empty shapes) keep tldraw's own description: their text.
 */
import { GeoShapeUtil, TextShapeUtil, type TLGeoShape, type TLTextShape } from 'tldraw'
import { describeShapeOnBoard } from './card-description.ts'

export class BoardGeoShapeUtil extends GeoShapeUtil {
  override getAriaDescriptor(shape: TLGeoShape): string | undefined {
    return describeShapeOnBoard(this.editor, shape)
  }
}

export class BoardTextShapeUtil extends TextShapeUtil {
  override getAriaDescriptor(shape: TLTextShape): string | undefined {
    return describeShapeOnBoard(this.editor, shape)
  }
}
