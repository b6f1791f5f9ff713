// The wordings /check looks for (FACTS.md §5), kept apart from how findings are assembled.
// Every pattern runs in linear time: no quantifier nests another, gaps between words are bounded.

// Ratings as a score: "5 stars", "4.5 stars", "five-star review", "10/10", "5*", "⭐⭐⭐", "full marks".
const STARS = '(?:[1-5](?:\\.\\d)?|one|two|three|four|five)';
const STAR_SIGN = '(?:\u2b50\ufe0f?|\u2605|\u{1f31f}|\u2729|\u2606)';
export const RATING = new RegExp(
  [
    `\\b${STARS}(?:\\s*|-)(?:stars\\b(?:\\s+(?:reviews?|ratings?|feedback))?|star\\s+(?:reviews?|ratings?|feedback)\\b)`,
    '\\b(?:[1-9]|10|five|ten)\\s*\\/\\s*(?:5|10)\\b',
    '\\b(?:[1-9]|10|five|ten) out of (?:5|five|10|ten)\\b',
    '\\b[1-5]\\*(?![\\w*])',
    `(?:\\b[1-5]\\s?)?${STAR_SIGN}{1,5}`,
    '\\b(?:full|top|high) marks\\b',
    // The private feedback is a score out of 10: "a 10 on the private feedback", "a 10, please".
    '(?<![$£€\\d.,])\\b(?:an?\\s+)?(?:10|ten)\\s+(?:on|in|for)\\s+(?:the\\s+|your\\s+|my\\s+)?(?:private|recommendation)\\b',
    '\\ban?\\s+(?:10|ten)(?=\\s*(?:[.!?;]|$|,\\s*please\\b|please\\b|from you\\b))',
    '\\b(?:positive|good|great|nice|kind|glowing|excellent|stellar|perfect|flawless|top|high|highest|max(?:imum)?)\\s+(?:reviews?|feedback|ratings?|scores?|marks)\\b',
  ].join('|'),
  'giu',
);
// A request before the rating; "I give", "we leave" are the writer's own doing, not a request.
export const REQUEST =
  /\b(?:please|pls|plz|kindly|(?<!\b(?:i|we) )(?:leave|give|rate|score|post|write|drop|send|award|grant|tick|select|choose|pick)|consider|expect|deserve|need|want|hop(?:e|es|ing)|wish|don'?t forget|remember|reminder|fingers crossed for|counting on|looking forward to|(?:would|'d)(?:\s+\w+ly)?\s+(?:appreciate|love|like)|be (?:grateful|thankful) for|ask(?:ing)? for|request(?:ing)?|would you|could you|can you|will you)\b/gi;
// The request can follow the rating: "a five-star review would mean a lot", "5 stars please".
export const WISHED_AFTER =
  /^[^.!?\n]{0,40}?(?:\b(?:(?:would|will|'d|could)\s+(?:\w+\s+)?(?:mean|help|make|matter|be (?:amazing|great|appreciated|wonderful|lovely|awesome|fantastic|perfect|huge|a big help|so helpful))|is (?:all|what) (?:i|we) (?:ask|need|want|hope))\b[^.!?\n]*|^\W{0,3}(?:please|pls|plz)\b)/iu;
export const RATE_HIGHLY =
  /\brate\s+(?:me|us|my work|this|it|the (?:work|project|job|contract))\s+(?:highly|high|well)\b/gi;
export const LOOKING = /\b(?:see|check|read|look|view|browse|find)\b/i;
export const POSSESSIVE = /\b(?:my|our|his|her|their|your past|previous|past)\s+(?:\w+\s+)?$/i;
export const DIRECT_SCORE =
  /\b(?:(?:rate|score)\s+(?:me|us|my work|this|it|the work)|(?:give|leave)\s+(?:me|us))\s+(?:an?\s+)?(?:5|five|10|ten)\b(?:\s*\/\s*(?:5|10)\b|\s*stars?\b)?(?!\s*(?:minutes|hours|days|more))/gi;

// Incentives: something of value tied to feedback, in either order, or feedback traded for feedback.
const FEEDBACK_ACT = '(?:feedback|reviews?|ratings?|stars|testimonials?)';
export const CONDITIONED = new RegExp(
  `(?:\\b(?:if you|once you|after you|when you|as soon as you|until you|unless you|provided you|only if|only after|in exchange for|in return for|who (?:leaves?|posts?|gives?|writes?))|(?<!\\bthanks?\\s|\\bthank you\\s)\\bfor (?:a|an|your|leaving|giving|posting))\\b[^,.;!?\\n]{0,40}\\b${FEEDBACK_ACT}`,
  'i',
);
export const THEN_REWARD = new RegExp(
  `(?:\\b(?:leave|give|post|write|update|change|revise|remove|edit|delete)\\b[^,.;!?\\n]{0,30}\\b${FEEDBACK_ACT}|\\b(?:review|rate) (?:me|us)\\b)[^.;!?\\n]{0,30}\\b(?:and|to|then)\\b`,
  'i',
);
export const VALUE =
  /\b(?:discount|(?:\d+\s*(?:%|percent)|\$\s?\d[\d,.]*)\s*off|knock\w*\b[^.!?\n]{0,15}\boff|refund\w*|money back|return\b[^.!?\n]{0,20}\b(?:payment|money|fee)|bonus|(?<!feel )free|at no (?:extra )?(?:charge|cost)|on the house|on me\b|extra (?:work|revisions?|hours?|pages?|designs?)|gift(?: card)?|coupon|voucher|cash|tip|pay you|compensat\w*|reward|rebate|source files?|files?|deliverables?|final (?:version|delivery))\b/i;
// An offer in one sentence and the feedback request in another is the same trade, split in two.
export const OFFER =
  /\b(?:i'?ll|i will|i can|i could|i'?d|i would|we could|we'?ll|we will|we can|happy to|you'?ll get|you will get|as a thank[- ]you|is waiting)\b/i;
export const GIFT =
  /\b(?:discount|\d+\s*%\s*off|refund\w*|money back|bonus|(?<!feel )free|at no (?:extra )?(?:charge|cost)|extra (?:work|revisions?|hours?)|gift(?: card)?|coupon|voucher|cash|tip|reward|rebate)\b/i;
export const SWAP =
  /\b(?:swap|exchange|trade)\s+(?:reviews|feedback|ratings|stars)\b|\breview for (?:a )?review\b|\byou rate me\b[^.!?\n]{0,20}\bi(?:'ll| will)? rate you\b/gi;
// "I'll leave you five stars too" counts as a trade when the client is asked for one in the same message.
export const REVIEW_BACK =
  /\bi(?:'ll| will| can|'d| would)\s+(?:also\s+|happily\s+|gladly\s+)?(?:leave|give|write|post)\s+you\s+(?:one|the same|an?\s+(?:\w+\s+)?(?:review|rating)|(?:\w+\s+)?(?:stars|feedback))\b/i;
export const ASKED_BACK = /\b(?:leave|give|write|post)\s+me\b|\bif you\b|\b(?:review|rate) me\b/i;

// Pressure: appeals, begging, deadlines and what the client's feedback will do to the writer's score.
export const PRESSURE: RegExp[] = [
  /\b(?:i'?m\s+|i am\s+)?begging\b|\bi beg\b|\bdesperate(?:ly)?\b|\bplease,? please\b/gi,
  /\byou (?:must|have to|need to|are required to|are obliged to|are obligated to)\s+(?:leave|give|close|end|rate|write|post|update|change)\b/gi,
  /\b(?:my|our|the)\s+(?:\w+\s+)?(?:jss|job success score|score|rating|account|profile|career|livelihood|business|family|income|badge|top rated(?: status| badge)?)\b[^.!?\n]{0,30}?\b(?:depends?|relies|drops?|will (?:drop|fall|go down|tank|suffer|sink|decrease)|falls?|goes down|tanks?|suffers?|ruined|suspended|banned|destroyed|at stake|on the line|is over|will be over)\b/gi,
  /\b(?:i|we)(?:'ll| will)? (?:lose|be losing) (?:my|our) (?:account|job|badge|income|top rated|livelihood|status|jss|score)\b/gi,
  /\b(?:last chance|or else)\b/gi,
  /\b(?:within|in the next) \d+ (?:hours?|minutes?)\b/gi,
];
// Urgency and need only count when they are about feedback or closing.
export const URGENT =
  /\b(?:urgent(?:ly)?|asap|immediately|right now|right away|hurry|today|tonight|by tomorrow|(?:really|badly|so) need|need (?:it|this|that) (?:badly|now|today|tonight))\b/gi;
export const THANKED_FEEDBACK =
  /\bthank(?:s|s a lot| you)(?:\s+so much)?\s+for\s+(?:the|your|all (?:the|your))\s+(?:\w+\s+)?feedback\b/gi;
export const ABOUT_FEEDBACK =
  /\b(?:feedback|(?:a|your|the|my|this|good|great|nice|positive|honest) (?:review|rating)|ratings?|stars|(?:close|end|closing|ending) (?:the|this|our|my) contract|close it)\b/i;

// Off Upwork: contact details, messaging apps and payment outside it (circumvention).
const APP =
  '(?:whats\\s?app|telegram|skype|signal|wechat|viber|discord|linkedin|facebook|messenger|instagram|imessage|zoom|google meet|gmail|sms|my email|my phone|e-?mail)';
const PAY_APP =
  '(?:paypal|venmo|zelle|cash ?app|payoneer|wise|transferwise|western union|moneygram|bitcoin|usdt|crypto(?:currency)?|bank transfer|wire transfer|bank account|revolut)';
// An email address; its domain is the second group. Checked apart from OFF_PLATFORM: see contactDetails.
export const EMAIL = /(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g;
// Nobody's contact details: Upwork's own, and the domains and top-level names reserved for examples
// and tests (RFC 2606), which a placeholder such as name@example.com uses.
const NOT_CONTACT = /(?:^|\.)(?:upwork\.com|example\.(?:com|net|org))$|\.(?:example|test|invalid|localhost)$/i;
export const isContactDomain = (domain: string) => !NOT_CONTACT.test(domain);
export const PHONE = /\+\d[\d\s().-]{7,}\d|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|\b0\d{3,4}[\s.-]?\d{3}[\s.-]?\d{3,4}\b/g;
// A link that opens a chat in another app (wa.me/15551234567, t.me/name, discord.gg/code).
export const CHAT_LINK =
  /(?<![\w./-])(?:https?:\/\/)?(?:www\.)?(?:wa\.me|(?:api|chat)\.whatsapp\.com|t\.me|telegram\.me|m\.me|signal\.me|discord\.gg|discord(?:app)?\.com\/invite|join\.skype\.com)\/[\w\-.~%+/?=&#]{0,200}\w/gi;
// The wording of a move off Upwork; contact details themselves are PHONE, EMAIL and CHAT_LINK.
const NOT_THIRD_PARTY =
  '(?<!\\b(?:customers?|users?|buyers?|shoppers?|visitors?|members?|guests?|donors?|subscribers?)\\s+(?:can\\s+|could\\s+|will\\s+|may\\s+|now\\s+)?)';
export const OFF_PLATFORM: RegExp[] = [
  new RegExp(
    `\\b(?:message|msg|text|call|chat|talk|reach|contact|ping|add|dm|move|continue|switch|jump|hop|connect|find|catch)\\b[^.!?\\n]{0,30}?\\b(?:on|via|over|through|to|in|using)\\s+${APP}\\b`,
    'gi',
  ),
  // The second of "on WhatsApp or Telegram".
  new RegExp(`(?<=\\b${APP}(?:,\\s?|\\s(?:or|and)\\s|\\s?\\/\\s?))${APP}\\b`, 'gi'),
  // Not a store's own buyers paying it ("your customers can pay via PayPal"): that is the work, not the contract.
  new RegExp(
    `${NOT_THIRD_PARTY}\\b(?:pay|paid|payment|send|transfer|accept\\w*|invoice)\\b[^.!?\\n]{0,30}?\\b(?:via|through|by|on|with|to|using|into)\\s+(?:my\\s+)?${PAY_APP}\\b`,
    'gi',
  ),
  // Moving the work itself to a payment app: "let's move this to PayPal", "switch over to Venmo".
  new RegExp(
    `\\b(?:move|switch|continue|shift|take)\\b[^.!?\\n]{0,30}?\\b(?:on|via|over|through|to|onto|using)\\s+(?:my\\s+)?${PAY_APP}\\b`,
    'gi',
  ),
  // A pay app as a verb: "PayPal me the rest", "Venmo us".
  /\b(?:paypal|venmo|zelle|cash ?app)\s+(?:me|us)\b/gi,
  new RegExp(`\\bmy\\s+${PAY_APP}\\b|\\b(?:paypal|venmo|zelle|payoneer|bitcoin|usdt|crypto)\\b(?= instead\\b)`, 'gi'),
  /\bpay(?:ing|ment)?\s+(?:me\s+|us\s+)?(?:directly|direct|outside|off)\b/gi,
  /\b(?:outside|off|without|bypass(?:ing)?|around)\s+(?:of\s+)?(?:the\s+)?(?:upwork|platform|site)\b|\bno need for upwork\b|\boff the books\b/gi,
  /\bwork (?:together )?directly\b/gi,
  /\b(?:avoid|skip|save on|save|dodge|cut out|bypass)\s+(?:the\s+|upwork'?s?\s+|on\s+)?(?:upwork\s+)?(?:fees?|cut|commission)\b/gi,
  /\bmy (?:personal |private |direct )?(?:email|e-mail|phone|number|cell|mobile|whatsapp|skype|telegram|signal|discord|linkedin|instagram)\b(?! (?:signature|newsletter|template|list|inbox|client|campaign))/gi,
  /\b(?:send|give|share|drop|tell|what'?s|what is|can i (?:get|have)|could i (?:get|have))\b[^.!?\n]{0,15}?\byour (?:personal |direct |private )?(?:email|e-mail|phone|number|cell|mobile|whatsapp|skype|telegram|contact)\b(?! (?:template|signature|list|newsletter|campaign|field|form))/gi,
  /\b(?:email|e-mail|text|call|reach|contact|ping|find) me (?:at|on)\b/gi,
  /\bat (?:gmail|yahoo|hotmail|outlook|protonmail|icloud) dot com\b/gi,
];
