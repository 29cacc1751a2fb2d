/**
 * A geometry that is built only when something asks about its shape (a hit test, its outline),
 * not when a parent group just collects the bounds of the children that count for the shape's
 * bounds. Used for a note's text label: measuring it lays out HTML (about 1 ms a note), and tldraw
 * measured every note of the board while building its spatial index on open, only to skip the
 * label for the bounds.
 */
import { Geometry2d, type Geometry2dFilters, type Geometry2dOptions, type Vec, type VecLike } from 'tldraw'

export class LazyGeometry2d extends Geometry2d {
  private built: Geometry2d | undefined

  /** `options` must be the flags the built geometry will have (tldraw reads them without asking). */
  constructor(
    private readonly build: () => Geometry2d,
    options: Geometry2dOptions,
  ) {
    super(options)
  }

  /** The real geometry, built on first use. */
  get geometry(): Geometry2d {
    this.built ??= this.build()
    return this.built
  }

  /** Whether it has been built (for tests). */
  get isBuilt(): boolean {
    return this.built !== undefined
  }

  override getBoundsVertices(): Vec[] {
    return this.excludeFromShapeBounds ? [] : this.geometry.getBoundsVertices()
  }

  getVertices(filters: Geometry2dFilters): Vec[] {
    return this.geometry.getVertices(filters)
  }

  nearestPoint(point: VecLike, filters?: Geometry2dFilters): Vec {
    return this.geometry.nearestPoint(point, filters)
  }

  getSvgPathData(first: boolean): string {
    return this.geometry.getSvgPathData(first)
  }

  override getBounds() {
    return this.geometry.getBounds()
  }

  override hitTestPoint(point: VecLike, margin?: number, hitInside?: boolean, filters?: Geometry2dFilters): boolean {
    return this.geometry.hitTestPoint(point, margin, hitInside, filters)
  }

  override distanceToPoint(point: VecLike, hitInside?: boolean, filters?: Geometry2dFilters): number {
    return this.geometry.distanceToPoint(point, hitInside, filters)
  }

  override distanceToLineSegment(A: VecLike, B: VecLike, filters?: Geometry2dFilters): number {
    return this.geometry.distanceToLineSegment(A, B, filters)
  }

  override hitTestLineSegment(A: VecLike, B: VecLike, distance?: number, filters?: Geometry2dFilters): boolean {
    return this.geometry.hitTestLineSegment(A, B, distance, filters)
  }

  override intersectLineSegment(A: VecLike, B: VecLike, filters?: Geometry2dFilters): VecLike[] {
    return this.geometry.intersectLineSegment(A, B, filters)
  }

  override intersectCircle(center: VecLike, radius: number, filters?: Geometry2dFilters): VecLike[] {
    return this.geometry.intersectCircle(center, radius, filters)
  }

  override intersectPolygon(polygon: VecLike[], filters?: Geometry2dFilters): VecLike[] {
    return this.geometry.intersectPolygon(polygon, filters)
  }

  override intersectPolyline(polyline: VecLike[], filters?: Geometry2dFilters): VecLike[] {
    return this.geometry.intersectPolyline(polyline, filters)
  }

  override interpolateAlongEdge(t: number, filters?: Geometry2dFilters): Vec {
    return this.geometry.interpolateAlongEdge(t, filters)
  }

  override uninterpolateAlongEdge(point: VecLike, filters?: Geometry2dFilters): number {
    return this.geometry.uninterpolateAlongEdge(point, filters)
  }

  override isPointInBounds(point: VecLike, margin?: number): boolean {
    return this.geometry.isPointInBounds(point, margin)
  }

  override overlapsPolygon(polygon: VecLike[]): boolean {
    return this.geometry.overlapsPolygon(polygon)
  }

  override getArea(): number {
    return this.geometry.getArea()
  }

  override getLength(filters?: Geometry2dFilters): number {
    return this.geometry.getLength(filters)
  }

  override ignoreHit(point: VecLike): boolean {
    return this.geometry.ignoreHit(point)
  }
}
