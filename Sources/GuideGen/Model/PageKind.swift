/// What kind of page a file is (front matter `type`).
public enum PageKind: String, Sendable, CaseIterable, Codable {
    case policy, flow, faq, article
}
