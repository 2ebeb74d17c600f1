import Foundation

@testable import GuideGen

/// Real flows rendered to golden SVG (and text alternative) files.
struct FlowGoldenCase: Sendable, CustomStringConvertible {
    var name: String
    var title: String
    var source: String
    /// Rule values the lead would substitute for `{{rule …}}` references.
    var rules: [String: String] = [:]

    var description: String { name }

    /// The diagram after rule substitution, as the lead's pipeline would produce it.
    func diagram() -> FlowDiagram? {
        FlowParser.parse(source).0?.mapLabels { label in
            var result = label
            for (reference, value) in rules.sorted(by: { $0.key < $1.key }) {
                result = result.replacingOccurrences(of: reference, with: value)
            }
            return result
        }
    }

    static let all: [FlowGoldenCase] = [
        FlowGoldenCase(
            name: "linear-td", title: "签收后的检查步骤",
            source: """
                flowchart TD
                  received([签收商品]) --> inspect[当面检查外包装]
                  inspect --> photo[拍照留存]
                  photo --> done([完成])
                """),
        FlowGoldenCase(
            name: "branching-zh", title: "申请售后",
            source: """
                flowchart TD
                  received([签收商品]) --> inwindow{"在 {{rule after-sales-windows.general.window}} 售后期内?"}
                  inwindow -->|是| apply[在订单页申请售后]
                  inwindow -->|否| seller[联系卖家协商]
                """,
            rules: ["{{rule after-sales-windows.general.window}}": "15 天"]),
        FlowGoldenCase(
            name: "branching-en", title: "Asking for after-sales service",
            source: """
                flowchart TD
                  received([Receive the goods]) --> inwindow{"Within the {{rule after-sales-windows.general.window}} after-sales window?"}
                  inwindow -->|Yes| apply[Apply on the order page]
                  inwindow -->|No| seller[Negotiate with the seller]
                """,
            rules: ["{{rule after-sales-windows.general.window}}": "15 days"]),
        FlowGoldenCase(
            name: "merging", title: "Refund paths",
            source: """
                flowchart TD
                  start([Request a refund]) --> shipped{Has the parcel shipped?}
                  shipped -->|No| cancel[Cancel the order]
                  shipped -->|Yes| returnit[Return the parcel]
                  returnit --> tracking[Enter the tracking number]
                  cancel --> refund([Refund arrives])
                  tracking --> refund
                """),
        FlowGoldenCase(
            name: "cycle", title: "Uploading proof",
            source: """
                flowchart TD
                  open([Open the dispute]) --> upload[Upload photos of the fault]
                  upload --> review{Does the platform accept the proof?}
                  review -->|Accepted| refund([Refund])
                  review -->|More needed| more[Take clearer photos]
                  more --> upload
                """),
        FlowGoldenCase(
            name: "lr", title: "退款到账",
            source: """
                flowchart LR
                  a([提交退款]) --> b[卖家同意]
                  b --> c{退回原支付方式?}
                  c -->|是| d[1-3 个工作日到账]
                  c -->|否| e[联系客服]
                  d --> f([完成])
                  e --> f
                """),
        FlowGoldenCase(
            name: "long-cjk", title: "三包耐用品维修",
            source: """
                graph TD
                  start([购买的商品属于三包范围内的耐用品，并且在保修期内出现了性能故障]) --> check{是否能够提供购物发票、保修卡以及完整的订单截图作为凭证？}
                  check -->|能提供全部凭证| repair[联系品牌官方售后服务网点，申请免费维修或者更换同型号的新商品]
                  check -->|凭证不全| seller[先在订单页联系卖家补开发票，再前往售后网点]
                  seller --> repair
                  repair --> finish([维修完成后当面检查商品，确认故障已经排除])
                """),
        FlowGoldenCase(
            name: "shapes-and-edges-bt", title: "Every shape and edge style",
            source: """
                flowchart BT
                  %% one of each shape
                  rect[Rectangle] --> rounded(Rounded)
                  rounded -.-> stadium([Stadium])
                  stadium ==> decision{Decision?}
                  decision -- yes --> circle((Circle))
                  decision -->|no| plain
                  circle --- rect
                """),
        FlowGoldenCase(
            name: "rl-self-loop", title: "Waiting for the courier",
            source: """
                flowchart RL
                  wait[Wait for the courier] -->|not yet| wait
                  wait --> pickup([Hand over the parcel])
                """),
        FlowGoldenCase(
            name: "escaping", title: "<script>alert(\"x\")</script> & 'quotes'",
            source: """
                flowchart LR
                  a["<b>bold</b> & <script>alert('x')</script>"] -->|"a > b & c < d"| b["Use #quot; for quotes"]
                """),
    ]
}
