"""What a customer's answer to "your order number, please" means, beyond a number.

A customer asked for the order number or the phone may not know it (番号がわからない,
メールを消してしまった), may refuse it (教えたくない, そっちで調べてよ), or may want to stop
(やめます, またにします). The verification form reads these instead of asking the same
question again; the wording it uses the nth time is chosen here too.
"""

from __future__ import annotations

import re

import jaconv

from madoguchi.dialogue.leaving import is_leaving
from madoguchi.nlu.cues import NOT_KNOWING_CUES, PERPLEXED_FACES, PERSON_BY_NAME, PERSON_NOT_BOT, only_cues_among
from madoguchi.nlu.patterns import find_order_ids
from madoguchi.nlu.reading import cue_places
from madoguchi.text import nfkc

UNKNOWN = "unknown"
REFUSED = "refused"
STOPPED = "stopped"

_REFUSED = re.compile(
    r"教えたくな|おしえたくな|教えない|おしえない|教えません|おしえません|言いたくな|"
    r"(言|い)いたない(?!わけ)|(言|い)いとうない|"  # 電話番号も言いたないわ (Kansai, round 2026-12-01o kanae-sho-11)
    # 機械には教へん事にしとるで (Ina speech in the old kana, round 2026-12-05zzm)
    r"(教え|おしえ|教へ|をしへ)ん(?!か|と|かっ)|教へたくな|教へない|教へません|"
    # でんわ は いい です、no gracias; でんわ なし で おくって (round 2026-12-05j): the phone passed over
    r"(電話|でんわ)(番号|ばんごう)?(は|なし|無し)(で|は)?(いい|結構|けっこう|ええ|よか)(?!ん?(です|でしょう)?[かの])|(電話|でんわ)(番号|ばんごう)?(は)?(なし|無し)で|かきたくな|いいたくな|言わない(?!で)|いわない(?!で)|言わね[えぇ]|いわね[えぇ]|"
    # なして そったに 聞くだ: why ask at all
    r"(なんで|なぜ|どうして|何で|なして|なじょして)\s?(そんなに|そったに|そげに|そがいに|そない|そんな|そう)?\s?(聞|き)(く|か)|"
    # なして いぢいぢ きぐんだ, そっちで わがってんべした (Okitama speech, round 2026-12-05zzk)
    r"(いちいち|いぢいぢ)\s?(聞|き)[くぐか]|(そっち|そちら)で\s?(わが|わか|分か)って|"
    r"(言|い)わねば|(言|い)わなきゃ(いけ|なら|だめ)|(言|い)ってある|伝えてある|(前|まえ)に(も)?(言|い)った|"
    r"(データ|記録|履歴|登録)(情報|内容)?(が|は)?(ある|あり|あん|残って)|控えたい|控えさせ|書きたくな|書くのは(ちょっと|控え)|"
    r"教える必要|必要(は)?ない|必要あ(る|ん)の|要らないでしょ|"
    # 電話番号はチャットには書かんよ。番号言うたんじゃけぇそれで調べられるじゃろ (Hiroshima, round 2026-12-05f)
    r"(?<!よう)(?<!て)書か(ん|へん|ね[えぇ]?)(?!か|と|かっ)|(?<!よう)書かない|"
    # 電話番号なんか教えねえよ。注文番号言ったっぺ それで調べろや (Ibaraki, round 2026-12-05p)
    r"(教え|おしえ)ね[えぇー](?!か|と)|(それ|番号|これ)で(調べ|しらべ)ろ|"
    # でんわばんごうは かかねえよ (Edo speech, round 2026-12-05n): the phone named, in hiragana
    r"(電話|でんわ)(番号|ばんごう)?(は|なんか|なんて|まで)?\s?かか(ん|へん|ね[えぇ]?|ない)(?!か|と|かっ|で)|書きません|(それ|番号|これ)で(調べ|しらべ)(られ|れ)(る|ん)|"
    # なんで名前じゃだめなのさ: the name offered instead, the number refused
    r"(名前|なまえ|苗字|みょうじ)(だけ)?(じゃ|では|で)(だめ|ダメ|駄目|あかん|いかん|いけな|無理|むり)|"
    # ナマエ ト ジュウショ デ イイ ジャン ナンデ ダメ ナノ (read as kana, spaces out)
    r"(名前|なまえ)[^。？?]{0,10}?(で|でも)(いい|ええ|よか)(じゃん|でしょ|やろ|だろ|べ)|"
    r"(そっち|そちら|あんた|お前|おまえ|お宅|おたく|お店|店)(の方|のほう|の人|の方々)?(で|が)(調べ|しらべ|探|さが|見|み|確認|検索)|そこ(で|が)(調べ|探し)|"
    # そちらでわかっとると思っとりましたけど (round 2026-12-05m takako-joao-15): you know it already
    r"(そっち|そちら|お宅|おたく|お店)(で|は|が)(わか|分か)(っと|って|る)|"
    r"調べ(て|れば)(よ|いい|わか)|(名前|会社名|社名|住所)(で|から)(探|さが|調べ|しらべ|検索|わか|分か)|"
    r"(会社名|社名|名前)か(電話|住所)で(検索|調べ|探)|"  # 会社名か電話で検索できないのか (round 2026-12-05g)
    r"(検索|けんさく)(すれば|したら|して)|登録して(る|ある|あります|います)(ん|の|はず)|"
    r"(わか|分か)るでしょ|(わか|分か)るだろ|(わか|分か)るやろ|(言|い)わな(あかん|いかん|きゃ)|個人情報|"
    # なんで いちいち番号がいるがぞ (Hata, round 2026-12-07k kenzaburo-rajani-16)
    r"(なんで|なぜ|どうして|何で)\s?((いちいち|いぢいぢ)\s?)?(電話|でんわ|番号|ばんごう)|"
    # why must I tell (なんで教えなきゃいけないんすか, 言わなかんの), you have it already
    # (注文したときに入れてるじゃん, 登録しとるがね, 帳面に全部書いてあるだろう)
    r"(なんで|なぜ|どうして|何で)(教え|おしえ|言わ|いわ)な|(言|い)わなかん|(教え|おしえ)なきゃ|"
    r"(なんで|なぜ|どうして|何で)(そんな|そういう)(の|もん|もの)(が|って)?(いる|要る|必要)|"  # なんでそんなのいるの
    r"(言|い)わんと(いかん|いけん|あかん|だめ|ならん)|(教え|おしえ)んと(いかん|いけん|あかん|だめ|ならん)|"  # 言わんといかんと？
    r"(教え|おしえ|言い|いい|書き|かき)たくあり|"  # このチャットには書きたくありません
    # 藤井で調べてや (not でんわで さがしてもらえやんかな: a person asked to look, by phone)
    r"(?<!番号)(?<!電話)(?<!でんわ)で(調べ|しらべ|検索|探し|さがし)て(や|よ|ほし|ください|くれ|ちょう|もらえ|おくれ)|"
    r"必要性が(理解|わか|分か)|(もう一度|もういちど|毎回|まいかい)(入力|書く|言う)(の|必要)|"
    r"(?i:why do you need|you (already )?have (it|my|all)|look (it )?up yourself|find it yourself|search (it )?yourself|"
    # ledu, not giving my phone no to a chatbot. u already have my data (round 2026-12-05zzx)
    r"\bu (already )?have (it|my|all)|not giving (you )?my|won'?t give (you )?my|(not|won'?t) (share|tell) (you )?my|"
    # phone I not give. never. this is private (round 2026-12-06d rikiya-ruslan-17): a learner's word order
    # phone number na. i no give (round 2026-12-07c yasaburo-nurul-18): the object left out
    r"\b(phone|mobile|number) i (not|never|no) give|\bi (not|never|no) give\b|"
    # phone te, LINE only (round 2026-12-05zzr michihiko-mbuyi-03): no phone to give
    r"line only\b|only (use |have )?line\b|no phone\b|(don'?t|do not) have a phone|"
    # I don't have my own phone. only the university one and I can't give that out. the catalog can
    # come by post without it, right? (round 2026-12-07h kiyoe-lesedi-02)
    r"(don'?t|do not) have (my own|a|any) (phone|mobile)|(can'?t|cannot) give (that|it) out|"
    r"\b(come|send|go|mail|post)[a-z ]{0,14} without (it|a phone|the phone|phone|a number|the number)\b|"
    # no mobile number sorry, too many spam calls (round 2026-12-05zzu hisamitsu-rivo-11)
    r"no (mobile|cell|cellphone|handphone)( (phone|number))?\b|spam calls?\b|(sales|scam) calls\b|"
    # my phone is also in your system, why should I type everything again (round 2026-12-05zzq)
    r"(is|are) (already |also )?in your (system|records|database|computer)|why should i (type|give|write|tell)|"
    r"(don'?t|do not) want to (give|tell|share|write)|"
    r"(and )?the phone( number)? too\?|the phone too\b|"  # ugh, and the phone too?? (round 2026-12-05z)
    r"(don'?t|do not|never|won'?t|will not) (share|give out|give|write) (my |a |the |any )?"  # round 2026-12-05o
    r"(phone|number|mobile|contact)|"
    # Ne, I cannot give the phone number…I am not allowed to share that number (round 2026-12-05zzj)
    r"(can'?t|cannot|can not|(am )?not allowed to) (share|give out|give|tell|write) (you )?(my |a |the |any |that )?"
    r"(phone|number|mobile|contact))|"
    r"(入れて|いれて)(る|ある)(じゃん|でしょ|やろ|だろ)|登録し(とる|てん|てる)(が|やろ|じゃ|でしょ)|"
    # 電話番号も いるんけ (round 2026-12-01p setsuo-ayaka-16): the phone too, grudged
    r"(電話|でんわ)(番号|ばんごう)?も\s?(いる|要る|いん|必要)(ん|の)?(け|かよ|か[？?!！]|[？?!！])|"
    r"(帳面|台帳|記録|控え)に[^。]{0,6}(書いて|載って)|(調べ|しらべ)りゃ|"
    # 電話番号もそっちが持っとるがや, (bangou iranai deshou…) data zenbu motte iru. jibun de shirabete
    r"(そっち|そちら|あんた|あなた|お前|おまえ|お宅|おたく|お店|おみせ|店)(たち|達|ら|の方|のほう)?(が|は|わ|も)?(持っ|もっ)(て|と|ちょ)|"
    r"(全部|ぜんぶ)(持っ|もっ)(て|と|ちょ)|(自分|じぶん)(で|たち)(調べ|しらべ|探|さが)|(いら|要ら)(ない|ん|ねえ)(でしょ|やろ|だろ)|"
    # 電話番号も言わん、客の情報くらい持っとるやろが: not told, and the shop has it anyway
    r"(言|(?<!た)い)わ(ん|へん|ひん)(?=[、。,.!！?？\s]|わ|ぞ|$)|(教え|おしえ)(へん|ひん)|"  # not たいわん (Taiwan)
    # 機械ニ 電話番号 ナド 教ヘラレン (old kana へ for え); 電話番号まで言わんならんがけ (must I say it too)
    r"(教|おし)[えへ]られ(ん|ない|ぬ|ません|へん)|(言|い)わ(ん|な|にゃ)ならん|"
    r"(教|おし)[えへ]らんね[えぇ]?|"  # でんわばんごう なんか おしえらんねえ (Joshu, round 2026-12-05zzh)
    r"(?i:line|ライン|らいん)(しか|だけ)(使|つか|なん|です|や|で)|(電話|でんわ)(は|を)?(持って|もって)(ない|へん|ません|ねえ)|"
    # なんでそこまで言わにゃおえんの (Okayama: must I say it)
    r"(言|い)わ(な|にゃ|んと|ねば)おえ|(教え|おしえ)(な|にゃ|んと)おえ|"
    # 電話番号も言わにゃいけんの？ なんでね (Iwami: must I say it, round 2026-12-05zzt shigemi-wahyuni-06)
    r"(言|い)わ(にゃ|ねば|なきゃ)(いけ|いか|あか|だめ)|(教え|おしえ)(にゃ|ねば)(いけ|いか|あか|だめ)|"
    r"(客|きゃく|顧客|こきゃく)の(情報|じょうほう|データ|番号|ばんごう)[^。]{0,6}(持っ|もっ)(て|と|ちょ)"
)
_UNKNOWN = re.compile(
    r"(わか|分か|判)らな|(わか|分か)りませ|わかんな|(わか|分か)らん|知らな|しらな|知りませ|知らん|しらん|"
    r"覚えて(い)?な|おぼえて(い)?な|覚えていませ|(覚|おぼ)え(とら|ちょら|てへ|とらへ)ん|(覚|おぼ)えてねえ|"  # 覚えとらんわ (Awa, 07g)
    r"忘れ|わすれ|見つから|みつから|見つかりませ|みつかりませ|見当たら|見当たりませ|みあたら|みあたりませ|"
    r"なくし|無くし|失くし|紛失|捨て|すてて|すてた|すてちゃ|消して|消えて|消した|消しちゃ|けした|けしちゃ|けしてしま|きえた|"
    r"手元に(な|無)|控え(が|も)?(な|無)|控えて(い|お)?(な|ませ|らん|らぬ)|"  # 注文番号なるものは控えておらぬ
    r"聞かされ(な|ませ)|(聞|き)いて(い|お)?(な|ませ|らん|らぬ)|"  # そのようなものは聞かされなかった
    r"どこに(書|か|載|の|あ)|どこを見|どこ(に|へ)?(やっ|いっ|行っ|しまっ|置い|おい)(た|ち)|どっか(に|へ)?(やっ|いっ|行っ)|"
    r"(見|み)とらん|(メール|めーる)(は|も)?(見|み)て(い)?な|(今|いま)(は)?(見|み)(れ|られ)(ん|ない|ません)|運転中|うんてんちゅう|"
    r"(探|さが|調べ|しらべ)(し|す)?(とる|てる|ている|る)?(暇|ひま|時間|じかん)(が|は|も)?(な|無)|"  # 仕事中でメール探しとる暇ないんだわ (round zza)
    r"(メール|納品書)が(な|無|見)|(番号|ばんごう)(が|は)?(な|無)い|"
    # メールいうのんもよう見れんし紙も焚きもんと一緒に燃やしてしもたかもしれん (Awa, round 2026-12-07u
    # shigeko-raju-16): the mail not read, the paper burnt
    r"(メール|めーる)[^。]{0,8}(見|み)(れ|られ)(ん|へん|ない|ません)|燃やし|焼いて(しも|しま)|燃えて(しも|しま)|"
    # はがきやら めーるやら なんも ないんよ、でんわで たのんだもんで (Kishu, round 2026-12-07s fumie-ashwin-16):
    # nothing came in writing, the order was placed by phone
    r"(なんも|何も|なにも)\s?(な|無)|(電話|でんわ)で\s?(頼|たの|注文|ちゅうもん)|"
    # はがきも なんも かみ きてねぇ (Nanbu, round 2026-12-07z hiroshi-rukmini-14): no paper with it came
    r"(はがき|葉書|ハガキ|紙|かみ|メール|めーる)[^。]{0,10}(来て|きて|届いて|とどいて)(ね|な|ませ|へん|おら|ない)|"
    r"わが(ら)?ね|わがんね|わがんな|わがらな|わかんね|分がらね|知らね|しらね|しゃね|(わか|分か)らへん|(わか|分か)りまへん|(知|し)らへん|"
    # kyō-kotoba (どこへ やってしもたんやろ。ちょっと わからしまへんのどす, round zzg)
    r"(わか|分か)らしまへん|(知|し)らしまへん|(知|し)りまへん|どこ(に|へ)?(やっ|いっ|行っ)て(しも|しま)|"
    r"(?i:(i )?(don'?t|do not) (know|have|remember)|(can'?t|cannot|couldn'?t) find|\blost (it|the)|(deleted|threw away) the|no idea|"
    # i check my email already, wala gyud… ambot (Cebuano's I don't know, round 2026-12-05zzv takae-rodel-19)
    r"(checked|check|looked|searched)[^.?!]{0,20}(e-?mails?|inbox)[^.?!]{0,6}already|already (checked|looked|searched)|\bambot\b|"
    # the number is in my email, but I am at work now (round 2026-12-07b lalremruati-gontaro-20): not at hand
    # I am at the factory, no email here (round 2026-12-07o kimie-ndayishimiye-16)
    r"\bno (e-?mails?|inbox|mail|computer|laptop|pc) (here|with me|now|at work)\b|"
    r"(is|it'?s|its) (in|on) my (e-?mails?|inbox|mail|computer|laptop|pc)\b[^.?!]{0,12}\b(but|and) (i'?m|i am) "
    r"(at work|at the office|outside|out|driving|not (at )?home)\b|"
    # ayo... I'm in service. where is this number?? (round 2026-12-07g hisae-dev-17): where it is written
    r"\bwhere (is|do i find|can i find|to find|are) (this|that|the|my|these) (order )?(number|no\b|numbers))"
)
# Not knowing what to do (どうしたらよかか　わからんで　胸が　苦しいとです; どんだばいいんだが、わ、
# もうわがらね): at a loss, not a number not known, unless the number is named.
_WHAT_TO_DO = re.compile(
    r"(?:どう|どげん|どがん|どない|どんだ|どや)\s*(?:すれば|したら|しよう|しょう|すりゃ|すっぺ|すべ|せば|だば|ば)"
    r"|なじょ\s*(?:すべ|すれば|したら|しよ|すっぺ|すっか)"  # なじょすべ、おら、わがんねぐなって (Tono, round 2026-12-06d)
    r"|(?:何を|なにを)[^。]{0,12}?(?:わか|分か|わが|判)"
)
_NUMBER_NAMED = re.compile(r"番号|ばんごう|めーる|メール|控え|納品書|電話|でんわ|注文|ちゅうもん|確認|かくにん")
# What a shipping, gift or product question is about: a side question inside the
# verification that names none of these may be a misread "I cannot find it".
TOPIC = re.compile(
    r"送料|料金|いつ|何日|届く|届け|発送|のし|熨斗|表書き|包装|ラッピング|袋|カード|日持ち|賞味|消費期限|"
    r"アレルギー|原材料|卵|小麦|おすすめ|法事|法要|お供え|羊羹|ようかん|最中|どら焼き|カステラ|クッキー|菓子"
)

# A person named as the one who should look the order up or take over (お店の人に探して,
# 担当者に代わって, 人間に代われ, おたくの ひとに…さがして): inside the verification, that is asking for a person; not
# the customer's own staff they will ask (スタッフに聞いてみるわ, round 2026-12-05k).
_PERSON = re.compile(
    r"(お?店|おみせ|そちら|そっち|窓口|まどぐち|お宅|おたく)の(人|方|かた|ひと)|担当|たんとう|人間|にんげん|オペレーター|おぺれーたー|係の(人|方)|(スタッフ|すたっふ)(?!全員|みんな|皆|一同|の皆|の分|用|さんたち|達|に(聞|き|確認|かくにん)(い|し)?てみ)|"
    r"(?<![本個])(人|ひと)に(代|かわ|替|探|さが|調べ|しらべ|見て|みて|確認|回して|まわして|つないで|繋いで)|電話で話(?!が?つい)|"  # not 本人に代わって, nor 電話で話ついた (settled)
    r"(?<![0-9０-９一二三四五六七八九十何])(人|ひと)(を|ば)?(出して|だして|出せ|だせ|呼んで|よんで|呼べ|よべ|よこして|寄越)|"  # もうええわ人出してちょう
    # 調べられる方からお電話いただきたい (round zzf): someone who can look, and a call from them
    r"(調べ|しらべ)(られる|れる)(方|かた|人|ひと)|(方|かた|人|ひと)から(お)?(電話|でんわ)(を)?(いただきたい|いただけ|ください|下さい|ほしい|欲しい|もらいたい|もらえ|ちょうだい)|"
    + PERSON_NOT_BOT.pattern  # ボットじゃなくて人いないの？, 電話で 人と 話してえ
    + "|" + PERSON_BY_NAME.pattern  # 菊池さんおってです？
)

# The order number named (注文番号ですか…, ちゅうもんばんごう, order number).
_ORDER_NUMBER = re.compile(r"(注文|ちゅうもん|オーダー)の?(番号|ばんごう|ナンバー)|(?i:order\s*(number|no\b|#))")
# Not given one (電話で頼んだけん、そげんとはもらっとらん; I never got one), or asked where it is.
_NOT_GIVEN = re.compile(r"(もら|もろ|貰)(って|っと|っとら|と|う?て)?(い|お)?(な|ら|ん|ませ|ね|へん)|(?i:never got|(didn'?t|did not) get|\bwhere\b)")


def number_not_at_hand(text: str, before: str = "") -> bool:
    """A message outside the order check that says the customer has no order number, or asks
    where it is written, the number named in it or in the message `before` (注文番号ですか…
    電話で頼んだけん、そげんとはもらっとらんと思います; それは どこに書いてあるとですか)."""
    places = cue_places(nfkc(text or ""))
    named = _ORDER_NUMBER.search(places) or _ORDER_NUMBER.search(cue_places(nfkc(before)))
    return bool(named) and (_UNKNOWN.search(places) or _NOT_GIVEN.search(places)) is not None and (
        not _REFUSED.search(places))


def without_refusal(text: str) -> str:
    """The text with its words of refusal taken out (I don't share phone number on chat. Leave
    it: what is left says whether the customer also leaves)."""
    return _REFUSED.sub(" ", nfkc(text or ""))


def reading(text: str) -> str | None:
    """UNKNOWN, REFUSED or STOPPED for a reply that gives no number; None otherwise. Read as
    written and as kana (bangou… mail keshita: the number's mail deleted)."""
    norm = nfkc(text or "").strip()
    if not norm:
        return None
    places = cue_places(norm)  # そっちで　しらべれ, bangou… mail keshita
    if _REFUSED.search(places):
        return REFUSED
    # 一向に見当たらねぇす。探してから、また改めて伺います。今日はやめておきます (round 2026-12-06d
    # kesae-orsu-05): not found, and leaving until it is; the leaving is the answer
    if is_leaving(norm):
        return STOPPED
    if _UNKNOWN.search(places) and not (_WHAT_TO_DO.search(places) and not _NUMBER_NAMED.search(places)):
        return UNKNOWN
    return None


# A person asked for in English, romaji or Tagalog (can I talk to a human, get me someone who can
# find it, hito onegai, may tao po ba na pwede ko makausap).
_PERSON_LATIN = re.compile(
    r"(?i)\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|the\s+|your\s+)?(?:human|person|staff|operator|someone)"
    r"|(?:get|give|find|send)\s+me\s+(?:a\s+|an\s+)?(?:someone|somebody|human|person|real\s+person|operator|staff)"
    r"|(?:someone|somebody|a\s+person)\s+who\s+can\s+(?:find|look|check|help|search)"
    # Can a person look it up instead and drop me an email? (round 2026-12-05m daniel-marisol-17)
    r"|(?:can|could)\s+(?:a\s+person|someone|somebody|a\s+human|a\s+real\s+person|one\s+of\s+your\s+staff)\s+"
    r"(?:just\s+|please\s+)?(?:look\s+(?:it\s+up|up|into|for)|check|find|search)"  # can a person just find it? (zzn)
    # then let somebody from the shop look it up for me please (round 2026-12-05zzb)
    r"|(?:let|have|get)\s+(?:someone|somebody)\s+"
    r"(?:from\s+(?:the|your)\s+(?:shop|store|team)\s+)?(?:look|check|find|search)"
    # please let a staff member look it up by my name (round 2026-12-05zzz kiyoka-nivi-19)
    r"|(?:let|have|get)\s+(?:a\s+|one\s+of\s+your\s+)?(?:staff(?:\s+member)?s?|person|human|colleague)\s+"
    r"(?:look|check|find|search|do\s+it|handle)"
    # A person could simply search for my name… please let a person do it (round 2026-12-07v setsu-nils-17)
    r"|(?:a\s+person|someone|somebody|a\s+human|your\s+staff)\s+(?:can|could)\s+(?:just\s+|simply\s+)?(?:find|search|look|check)"
    # can staff person help me? please person (round 2026-12-07f chiharu-naw-16)
    r"|(?:can|could)\s+(?:a\s+|the\s+)?staff(?:\s+person|\s+member)?\s+help|please\s+(?:a\s+)?(?:person|human|staff)"
    r"|real\s+person|makausap|kausapin|tao\s+po|hito\s+(?:o\s+|wo\s+)?(?:onegai|yonde|dashite))\b"
)


def asks_for_person(text: str) -> bool:
    """The customer asks for a person (to look the order up, or to take over), words set
    apart by spaces or not (まどぐちの　ひとに　さがして)."""
    norm = nfkc(text or "")
    joined = re.sub(r"\s+", "", norm)
    return (
        _PERSON.search(joined) is not None or _PERSON.search(jaconv.kata2hira(joined)) is not None  # タントウシャ ヨンデ
        or _PERSON_LATIN.search(norm) is not None
    )


def side_question_reading(text: str) -> str | None:
    """UNKNOWN or REFUSED for a message read as a side question that asks about nothing
    the shop answers (探したけど見つからないです); None for a real side question."""
    found = reading(text)
    if found in (UNKNOWN, REFUSED) and not TOPIC.search(nfkc(text or "")):
        return found
    return None


def only_not_knowing(triage: dict) -> bool:
    """The distress triage saw nothing but "I do not know" and a perplexed face (no other cue,
    no !! and at most one trailing-off: もらったかもわからんって…; i cannot find it 😥, round
    2026-12-05zzv takae-rodel-19)."""
    allowed = NOT_KNOWING_CUES | PERPLEXED_FACES
    return only_cues_among(triage.get("cues") or [], allowed, triage.get("intensity") or 0, bool(triage.get("emphatic")))


def ask_response(slot: str, asked: int, note: str | None) -> str | None:
    """The response that asks for `slot` ("order_id" or "phone") the `asked`-th time
    (0 = first), given what the customer last answered (`note`: UNKNOWN, REFUSED, "invalid"
    or None); None when it has been asked often enough and a person should be offered."""
    if note == UNKNOWN:
        return "utter_order_id_where" if slot == "order_id" else "utter_phone_unknown"
    if note == REFUSED:
        return "utter_verification_why"
    if note == "invalid" and asked <= 1:
        return "utter_order_id_invalid" if slot == "order_id" else "utter_phone_invalid"
    ladder = {
        "order_id": ("utter_ask_order_id", "utter_order_id_where", "utter_order_id_or_person"),
        "phone": ("utter_ask_order_verification_form_phone", "utter_phone_why", "utter_phone_or_person"),
    }[slot]
    return ladder[asked] if asked < len(ladder) else None


def gives_up(unknown: int, refused: int, asked_next: int) -> bool:
    """Whether to stop asking and offer a person: the number is still not known after the
    customer was told where it is written, the customer refused twice, or the next
    question (asked `asked_next` times already) would be asked a fourth time."""
    return unknown >= 2 or refused >= 2 or asked_next >= 3


# The question that offers a person, for a slot whose other wording was just used.
OR_PERSON = {"order_id": "utter_order_id_or_person", "phone": "utter_phone_or_person"}
# Responses that offer a person who can find the order: taking it up is needs_operator.
OFFERS_PERSON = frozenset(
    {"utter_order_id_where", "utter_phone_unknown", "utter_verification_why", "utter_order_id_or_person", "utter_phone_or_person"}
)


# An order number kept as it is (A2345679はそのまま残しといて, leave A1234567 as it is): not the one
# the message is about.
_KEPT_AFTER = re.compile(r"^[ 　]*(?:は|も|の方は|のほうは)?[ 　、,]*(?:そのまま|残し|のこし|いじらな|変えな|かえな)")
_KEPT_EN = re.compile(r"(?i)\b(?:keep|leave|not)\s+(?:the\s+(?:order\s+)?)?$")


def order_meant(text: str) -> str | None:
    """Of the order numbers in a message, the one it asks about: the first that is not said to
    be kept as it is (キャンセルはA2345678の方で。A2345679はそのまま, round 2026-12-05zzs
    sunao-litia-18, took the last); None when there is no number."""
    found = find_order_ids(text)
    meant = [f for f in found if not _KEPT_AFTER.match(text[f.end:]) and not _KEPT_EN.search(text[: f.start])]
    return (meant or found)[0].value if found else None


# The catalog named (カタログ, かたろぐ, catalogue, katarogu): a catalog request read where none is named is none.
_CATALOG_NAMED = re.compile(r"カタログ|かたろぐ|型録|冊子|パンフ|ぱんふ|(?i:catal|katal|katarog|brochure)")


def names_catalog(text: str) -> bool:
    """The message names the catalog, in any script."""
    return _CATALOG_NAMED.search(cue_places(nfkc(text or ""))) is not None
