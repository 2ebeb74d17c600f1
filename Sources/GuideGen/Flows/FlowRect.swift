/// A point in a flow's SVG coordinate space (px, y pointing down).
public struct FlowPoint: Sendable, Equatable {
    /// Horizontal position, px.
    public var x: Double
    /// Vertical position, px.
    public var y: Double

    /// Creates a point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in a flow's SVG coordinate space (px).
public struct FlowRect: Sendable, Equatable {
    /// Left edge, px.
    public var x: Double
    /// Top edge, px.
    public var y: Double
    /// Width, px.
    public var width: Double
    /// Height, px.
    public var height: Double

    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Creates a rectangle from its center and size.
    public init(center: FlowPoint, width: Double, height: Double) {
        self.init(x: center.x - width / 2, y: center.y - height / 2, width: width, height: height)
    }

    /// Right edge, px.
    public var maxX: Double { x + width }
    /// Bottom edge, px.
    public var maxY: Double { y + height }
    /// The center point.
    public var center: FlowPoint { FlowPoint(x: x + width / 2, y: y + height / 2) }

    /// Whether the interiors of the two rectangles overlap (touching edges do not count).
    public func overlaps(_ other: FlowRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The rectangle moved by `dx`, `dy`.
    func offsetBy(dx: Double, dy: Double) -> FlowRect {
        FlowRect(x: x + dx, y: y + dy, width: width, height: height)
    }
}
