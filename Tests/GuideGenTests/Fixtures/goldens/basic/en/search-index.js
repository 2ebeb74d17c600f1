/* guidegen search index: en, 3 pages */
window.guidegenSearchIndex = [
["After-sales windows","en/policies/windows/index.html","Policies","How long the after-sales window is for ordinary goods.","Durable goods","For ordinary goods the after-sales window is 15 days, counted from trade success. Durable goods get longer: 180 days. Keep your chat records. See the FAQ. Code stays literal: {{rule windows.general.window}}. raw"],
["FAQ","en/faq/basics/index.html","Faq","Two common questions.","What if the after-sales window has passed? · Who pays return shipping?","Talk to the seller. Whoever is at fault. Start Within 15 days? Request after-sales Contact the seller Yes No"],
["Policies","en/policies/index.html","Policies","The after-sales rules at a glance.","","The after-sales rules in one place."]
];
