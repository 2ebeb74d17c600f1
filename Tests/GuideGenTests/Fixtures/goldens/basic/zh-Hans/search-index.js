/* guidegen search index: zh-Hans, 3 pages */
window.guidegenSearchIndex = [
["售后期限","zh-Hans/policies/windows/index.html","规则","一般商品的售后期是多久。","耐用品","一般商品的售后期为 15 天，从交易成功起算。 耐用品可以更长：180 天。 保留好聊天记录。 常见问题见问答。代码里不替换：{{rule windows.general.window}}。 raw"],
["常见问题","zh-Hans/faq/basics/index.html","Faq","两个常见问题。","售后期过了怎么办？ · 谁付退货运费？","联系卖家协商。 谁的责任谁承担。 开始 在 15 天内? 申请售后 联系卖家 是 否"],
["规则","zh-Hans/policies/index.html","规则","售后规则一览。","","这里汇总售后规则。"]
];
