"""The words and shapes the triage looks for in a message (`madoguchi.nlu.triage`): forms of
a request, words of a person, of the body, of the bot, of a change, the shapes of a name.
Cue words the shop may edit are in `shop/rules.yml` (`cues:`)."""

from __future__ import annotations

import re
from typing import Iterable

from madoguchi.nlu.spans import CAPITALIZED, CAPITALS_AND_GIVEN, NAME_LABEL_WORDS

NEGATIONS = frozenset({"ない", "ぬ", "ず", "ねえ", "へん", "ん"})
LIGHT_VERBS = frozenset({"する", "なる", "ある", "だ", "です", "いる"})
HANDOFF_INTENTS = frozenset({"request_human", "complain", "express_distress", "request_exception"})
# Readings a wait (ちょっと待って、探してきます) is mistaken for; a question or a detail is read as it is.
WAIT_READINGS = frozenset({
    "complain", "request_human", "express_distress", "deny", "goodbye", "greet", "thank", "out_of_scope",
    "nlu_fallback", "bot_challenge", "ask_delivery_status",  # ちょっと待っててな、メール見てみるわ
})
REQUEST_FORMS = re.compile(
    r"てほしい|で欲しい|て欲しい|てください|でください|て下さい|てもらえ|でもらえ|ていただけ|でいただけ|"
    r"てくれ|でくれ|てもろ|できません|できない[？?か]|でけへん|出来ません|お願い|おねがい|ませんか|"
    r"ないか[なね？?]|にして|にしろ|して[よね！!]|しろ|てや|たい[。！!？?]?$|たいん|させて|無料に|値引|まけ|"
    r"安く|先に|優先|返金|返品|けさい|てけれ|つかあさい|つかぁさい|ちょうだい|ちょーだい|てちょう|ておくれ|てくれん|"
    r"てくれへん|てくんない|てくれない|てほし|てけ|でけ|てくんちぇ|ちょくれ|てくりょ|でくりょ|できますか|できませんか|ないの[？?]|"
    r"ありませんか|please"
)
# Exceptions a calm-sounding request may ask for (a person decides: out_of_policy). Returns
# and late orders are left out: 食べたら美味しかったので… is no request for an exception.
ASKED_EXCEPTIONS = ("discount", "free_shipping", "priority", "same_day_remote", "other")
# A refund or return asked for in so many words (返金してほしい, 返品できますか): the other words
# of a return for convenience (食べた, 開けた) are told in goods complaints too.
# the shipping paid back (しけで おくれた ときは、 そうりょうは かえして もらえるんかのー, round 2026-12-07j)
REFUND_ASKED = re.compile(
    r"(?:返金|払い戻|はらいもど|お金を返|おかねをかえ|返品|へんぴん|(?:送料|そうりょう)[はをもだ]?[ 　]?(?:返|かえ|戻|もど))"
    r"[^。]{0,4}(?:して|し て|させ|お願い|おねがい|ほし|欲し|でき|可能|いただけ)"
)
INTENSITY = re.compile(r"[！!]{2,}|[？?]{2,}|…+|・{3,}|。{2,}|\.{3,}")  # …… is one trailing off
EMPHASIS = re.compile(r"[！!]{2,}|[？?]{2,}")
DIGIT = re.compile(r"[0-9０-９]")
# A name alone, as a customer answers the question for it (シャルマ アルジュン です。): with a
# kanji or katakana, one or two words, a copula at most.
_NAME_WORD = r"[ぁ-ゖァ-ヺー・一-龥々]{1,8}"
# "I have a problem" before saying which: an opener, its 困った no distress by itself.
TROUBLE_OPENER = re.compile(r"(?:困った|こまった|困り|こまり)(?:こと|事|ごと)(?:が|に)")  # …ことになってまして
OPENER_TROUBLE_CUES = frozenset({"困る", "困った", "こまった", "こまり"})
NAME_SHAPE = re.compile(
    rf"^(?:(?=.*[ァ-ヺ一-龥]){_NAME_WORD}(?:\s{_NAME_WORD})?|[ァ-ヺー]{{2,10}}[・･][ァ-ヺー]{{2,10}})"  # デイビッド・ミラー
    r"\s*(?:です|(?:と|って)\s*(?:申し|もうし|言い|いい)ます|でございます)?[。.!！]?$"
)
# Greetings and thanks, in any kana: no name.
COURTESIES = re.compile(
    r"こんにち|こんばん|おはよ|もしもし|はじめまし|よろしく|しつれい|失礼|ありがと|さよう|さいなら|ばいばい|おつかれ|"
    r"どうも|おせわ|お世話|おおきに|めやぐ|すみませ|すいませ|ごめん"
)
# Family and given name, a space between, alone: in Latin letters (Marco Silva, Jorge
# Fernández) or in kanji and kana (山田 花子); no word of courtesy.
FULL_NAME = re.compile(
    rf"^(?:{CAPITALIZED}(?:[ 　]{CAPITALIZED}){{1,3}}|{CAPITALS_AND_GIVEN}|"
    r"[ァ-ヺ一-龥々][ぁ-ゖァ-ヺー一-龥々]{0,5}[ 　・][ァ-ヺ一-龥々][ぁ-ゖァ-ヺー一-龥々]{0,5})"
    r"\s*(?:です|と申します|でございます|desu|to\s?mou?shimasu)?[。.!！]?$"  # Bjorn Lindqvist desu
)
# A family name in kanji and a given name in katakana, unspaced (新井ルシア): a name when the
# dictionary knows the kanji as a family name (not 和菓子セット).
FAMILY_KATAKANA_GIVEN = re.compile(r"^[一-龥々]{1,4}[ァ-ヺー]{2,10}\s*(?:です|と申します|でございます)?[。.!！]?$")
FAMILY_NAME_TAG = "人名-姓"
# The polite ending a name may close with (新井ルシアです).
POLITE_NAME_END = re.compile(r"(?:です|と申します|でございます)[。.!！]?$")
NAME_LABEL = re.compile(rf"^(?:{NAME_LABEL_WORDS})\s*(?:は|:|：)?\s*")
# A model this sure is overruled only by words that are there (a wait, an opener, a refusal),
# never by the absence of a cue word.
SURE = 0.99
# A complaint read this unsurely, with no word of a problem in the message, is doubted: every
# blind complaint without a cue word was read at 0.86 or more, the greetings and orders taken
# for one at 0.51 to 0.65.
DOUBTFUL = 0.7
# A call for a person read below this, with a grievance told and nothing asked, is a grievance told
# (スタッフの人が「日本語わからないので」って言って、すぐ切られました: request_human 0.74).
PERSON_DOUBTED = 0.8
# Distress read below this for a hurry may be a hurry (ちょっと急いでます: 0.50 to 0.83 in the blind
# rounds); read surer, it stays distress (部長に至急手配しろと言われたのに締切過ぎてた…どうすれば: 0.91).
HURRY_DOUBTED = 0.9
# The shop's people as the subject of what is told (スタッフの人が…すぐ切られました), not called for.
STAFF_TOLD_OF = re.compile(
    r"(?:スタッフ|すたっふ|店員|てんいん|担当|たんとう|係|オペレーター|お店|おみせ|電話)(?:者|員)?(?:の(?:人|ひと|方|かた))?(?:さん)?[がは]"
)
# Any word of a person or a call (`Assessment.names_person`; not in もういっかい おぐってけへ).
PERSON_WORDS = re.compile(
    r"人|ひと|ヒト|にんげん|担当|たんとう|係|オペレ|おぺれ|スタッフ|すたっふ|店員|電話|でんわ|デンワ|tel|代わ|かわって|"
    r"替わ|誰か|だれか|生身|本物|ほんもの|human|person|operator|staff|責任者|上司|社長|店長|方と|方に|かたと|かたに|"
    r"ニンゲン|hito|者を|者と|者に|声を|つない|繋|取り次|とりつ|ねえさん|姉さん|にいさん|兄さん|ねえちゃん|にいちゃん"
)
# The screen's letters cannot be read (めがねをどこかへ置いてしもうて、この画面の字がよう見えん,
# round 2026-12-05zzh): the chat is the trouble, a person (by phone) the help.
SCREEN_UNREADABLE = re.compile(
    r"(?:画面|がめん|字|文字|もじ)[^。]{0,6}?(?:見えん|見えない|見えへん|見えませ|みえん|みえない|みえませ"
    r"|読めん|読めない|読めませ|よめん|よめない|よめませ"
    # こん 画面の こまんか 字が よう 見えもはん (Kagoshima, round 2026-12-07l shizue-amadou-13)
    r"|見えもは|みえもは|見えね|みえね|見えにく|みえにく|読みにく|よみにく)"
)
# The staff a gift is for (スタッフさん用に二十箱, round 2026-12-05zzh): no person asked for.
STAFF_GIVEN_TO = (
    r"(?:スタッフ|すたっふ|従業員|社員|職員|パートさん)(?:さん)?(?:たち|達|みんな|全員)?(?:用|向け|の分|に配|にくば|へ配|にあげ|に渡)"
    # sweets for all the teachers and staff at youchien (round 2026-12-07i tatsuji-mele-14)
    r"|(?i:\b(?:for|to)\s+(?:all\s+)?(?:the\s+|our\s+|my\s+)?(?:[a-z]+\s+(?:and|&)\s+)?(?:スタッフ|staff)\b)"
)
# People counted, not asked for (十五人くらい来る, ひとつずつ), or the guests a gift is for
# (来てくれた人さ菓子持たせて): no word of a person.
PEOPLE_COUNTED = re.compile(
    r"[0-9一二三四五六七八九十百何数]+人|ひとつ|ひとり|ふたり|ひとこと|一言|人数|人分|大人"
    r"|(?:来て|きて|来た|きた|来る|くる|集まる|集まった|あつまる|呼んだ|世話になった|せわになった)(?:くれた|くれる|もらった)?(?:人|ひと|方)"
    # 隣の家の人がおんなじのをくれる: a neighbour or a relative, not a person asked for
    r"|(?:隣|となり|近所|きんじょ|親戚|しんせき|向かい|むかい|会社|職場|親類)の(?:家の|うちの)?(?:人|ひと|方)"
    r"|" + STAFF_GIVEN_TO
)
# What may break, nothing broken (割れやすいお菓子): no reproach.
FRAGILE = re.compile(
    r"(?:割れ|われ|壊れ|こわれ|崩れ|くずれ|潰れ|つぶれ|欠け|かけ)(?:やす|にく|ない(?:よう|か)|ません(?:よう|か))|"
    r"割れ物|われもの|壊れ物|こわれもの"
)
# はずかしいことに なんねよう (round 2026-12-05o): a shame feared, no reproach.
SHAME_FEARED = re.compile(
    r"(?:恥ずかし|はずかし|恥)(?:い)?(?:こと|思い|おもい|目|め)?(?:に|を)?"
    r"(?:なら|なん|なれ|せん|しな|かかな|かかね|かかん|かか)[^。]{0,4}?よ[うお]"
)
# The body, not the shop (目が悪いので短めに): no reproach.
BODY = re.compile(r"(?:目|耳|足|腰|体|膝|ひざ|具合|ぐあい|調子|ちょうし|気分|きぶん|からだ|め|みみ|あし|こし)が(?:悪|わる)")
# The chat or machines spoken of (こういうの よぐ わがらねさげ, こういう機械の窓口は慣れなくて).
THE_MEDIUM = re.compile(
    r"こういうの|こういうもの|こういう物|こういうと|機械|きかい|スマホ|すまほ|チャット|ちゃっと|パソコン|ぱそこん|ネット|ねっと|"
    r"操作|使い方|つかいかた|ロボット|ろぼっと|入力|打つの|うつの|苦手|にがて|"
    # the language itself (日本語の説明がむずかしくて、よくわからないです, round zzg)
    r"日本語の説明|にほんごのせつめい|(日本語|にほんご)\s*(が|は)?\s*(むずかし|難し|わから|分から|できな|苦手|にがて)"
)
# A hurry said in so many words (ちょっと急いでます, 急ぎで送れない？), not a deadline feared
# (間に合わなかったら終わりだ, which is distress).
HURRY_SAID = re.compile(
    r"急い|急ぎ|急ぐ|いそい|いそぎ|いそぐ|イソギ|イソイ|至急|早めに|はやめに|締め切り|締切|〆切|しめきり|hurry|asap|"
    r"今週中には決め|今週中に決め|週末までに決め|決めないといけない|決めなきゃいけない"  # 今週中には決めないといけないんです💦
)
# A question asked (離島扱いになりますか？).
QUESTIONED = re.compile(r"[?？]|(?:ます|です|でしょう|ません)か")
# Words of a machine or a person, that a question whether the bot is one holds.
# bot and ai as words of their own, read with the spaces (not Stanikzai, Abbott; round 2026-12-05zzx)
LATIN_BOT_WORDS = re.compile(r"\b(?:bot|chatbot|robot|ai|a\.i\.)\b")
BOT_WORDS = re.compile(
    r"ロボット|ろぼっと|ボット|ぼっと|(?<![a-z])bot|機械|きかい|(?<![a-z])ai\b|ＡＩ|自動|じどう|人間|にんげん|本物|ほんもの|プログラム|"
    r"チャット|ちゃっと|コンピュータ|人工|生身|中の人|なかのひと|人です|ひとです|人か|ひとか"
)
# What a message can be about: an order, a parcel, the sweets, the catalog, the service. A
# message that names one is no name given alone (`Assessment.name_alone`).
SUBJECT = re.compile(
    r"注文|頼ん|たのん|届|とど|荷物|にもつ|小包|箱|はこ|菓子|おかし|カタログ|かたろぐ|冊子|のし|熨斗|包装|"
    r"電話|でんわ|返事|返信|連絡|対応|店|みせ|スタッフ|送料|料金|代金|請求|羊羹|羊かん|ようかん|最中|もなか|"
    r"饅頭|まんじゅう|どら焼|カステラ|入って|はいって|開け|あけ|ボット|ぼっと|機械|答え|返金|品"
)
# Marks and emoji after a name given alone (関口 彩花です♪, 田中です😊).
TRAILING_MARKS = re.compile(r"[\s♪♡♥☆★〜~ー!！。.]*[\U0001F300-\U0001FAFF\u2600-\u27BF♪♡♥☆★〜~]+[\s!！。.]*$")
# Cue words of a wait that are the verb 待つ itself: GiNZA tells whether it is asked for.
WAIT_VERB = re.compile(r"待|まっ")
# The other day (こないだ): not こない, a parcel that did not come.
THE_OTHER_DAY = re.compile(r"こないだ|このあいだ|この間")
# A room number given on its own (502号室です): a detail, whatever words come with it.
ROOM_NUMBER = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,5}\s?(?:号室|号|階)")
# Cues of the distress triage that only say "I do not know": inside the verification form
# they answer the question, they are no sign of distress.
NOT_KNOWING_CUES = frozenset({"わからな", "分からな", "わかりませ", "分かりませ", "わからん", "わがらね", "わがね", "わがんね"})
# Not knowing how (わからない, どうしたら): a question when it is about the のし, not distress.
ASKING_HOW_CUES = NOT_KNOWING_CUES | frozenset({
    "どないしたら", "どうしたらいいの", "どうしたらいいか", "どうしたら良いか", "どうすればいいの", "どうしたらええ",
    "どげんしたら", "どうすりゃ", "どうしたらえい", "どげんすれば", "dou sureba", "dousureba",
    "どげしたら", "どげすれば", "どがしたら", "どがすれば",  # Izumo and Oki (のしはどげしたらええだらか, round 2026-12-05zzs)
})
# Faces of perplexity: beside not knowing the のし or the custom (中国と違うので全然わからない😣),
# a custom not known, not a customer at a loss.
PERPLEXED_FACES = frozenset({"😣", "😖", "😥"})
# です written in katakana after a name (スニル ペレラ デス).
KATAKANA_COPULA = re.compile(r"[ 　]*デス(?=[。.!！]?$)")
# A cancel named outright (とりけし で おねがい します): an order called off, not a yes.
CANCEL_NAMED = re.compile(r"キャンセル|きゃんせる|取り?消|とりけし|cancel")
# A change asked for by name (変えたい, キャンセル, 住所を直して): a change of order stays one.
CHANGE_NAMED = re.compile(
    CANCEL_NAMED.pattern + r"|変更|へんこう|変え|かえて|かえたい|替え|止め|やめ|直し|なおし|"
    r"修正|訂正|誤って|間違え|まちがえ|まちごう|追加|ついか|減ら|増や|へらし|へらす|ふやし|ふやす|change|"
    r"じゃなくて|ではなくて|やなくて"  # 12個じゃなくて10個で
)
# Not the bot, a person (ボットじゃなくて人いないの？): a person asked for, not a question
# whether the bot is one (あなたは人間ですか).
PERSON_NOT_BOT = re.compile(
    r"(?:ボット|ぼっと|ロボット|ろぼっと|機械|きかい|AI|bot|自動)(?:じゃ|では|や|で)なく(?:て|で)?(?:人|ひと|人間|にんげん)"
    r"|(?:人|ひと)(?:は|って)?(?:いない|いーひん|おらん)の?[?？]"
    # 電話で 人と 話してえ, ひととじかにしゃべりたか: talking to a person wished for
    r"|(?:人|ひと|人間|にんげん|担当|たんとう|オペレーター|店の方|お店の人)(?:の方|のかた|しゃ|者)?(?:と|に)(?:直接|じかに|じか)?(?:話|はな|しゃべ|喋)"
)
# One of the shop's people asked after by name (去年お世話になった菊池さんおってです？, Hida speech,
# round 2026-12-07m): a person asked for; not the customer's own family or guests.
PERSON_BY_NAME = re.compile(
    r"(?<![一-龥々])(?!(?:娘|息子|奥|お母|母|お父|父|兄|姉|妹|弟|嫁|孫|旦那|主人|ご主人|お客|客|運転手|配達|大家|管理人|お隣|隣)さん)"
    r"[一-龥々]{1,3}(?:さん|様|さま)(?:は|って|わ)?(?:おって|いらっしゃ(?:いま|る)|おられま|おられる|おりま|いま)"
    r"[^。？?]{0,3}[？?か]"
)
# A parcel told as come just now, gladly (Oh! the delivery man is at my door now 😂 届きました!, round
# 2026-12-07n kazuko-deireragea-20): the wait is over, nothing to complain of.
_ARRIVED = r"(?:届きました|届いた|とどいた|とどきました|着きました|(?i:arrived|is here|came|at my door|at the door))"
_GLAD = r"(?:[!！]|😂|😊|😄|😆|🙌|🎉|☺|🥰|😁|よかった|良かった|(?i:yay|great))"
ARRIVED_GLADLY = re.compile(rf"{_ARRIVED}[^。.?？]*?{_GLAD}|{_GLAD}[^。.?？]*?{_ARRIVED}")
# The bot's questions as what tires the customer (hay naku so many questions 😩 pls stop asking, round
# 2026-12-07n tsuneo-arnel-20): with a leave, annoyance at the form, no complaint about the shop.
TIRED_OF_QUESTIONS = re.compile(
    r"(?i:so ?many ?questions?|too ?many ?questions?|stop ?asking|many ?many ?questions?)"
    r"|質問(?:が|ばっかり|ばかり|ばっか)?(?:多すぎ|おおすぎ|多い|おおい)|しつもん(?:が)?(?:おおすぎ|おおい)|(?:聞き|きき)すぎ"
)
# Which sweets to choose not yet decided (the farewell of my supervisor is next friday and I still dont know
# what to choose... 😥, round 2026-12-07s normina-04): a choice to help with, no distress.
UNDECIDED = re.compile(
    r"(?i:\b(?:what|which(?: one)?|which sweets?)\s+to\s+(?:choose|buy|pick|give|get|send|order)\b)"
    r"|(?:何|なに|どれ)を(?:選|えら|買|か[うえ]|贈|おく)|どれ(?:に|を)(?:したら|すれば|しよう|選|えら)"
)
# An order or a request made by phone, told (嫁が電話で頼んだんよ): no person asked for now.
PHONE_ORDER = re.compile(
    r"(?:電話|でんわ|デンワ|はがき|ハガキ|葉書)で(?:頼ん|たのん|注文し|ちゅうもんし|申し込ん|もうしこん|申込ん|お願いし|おねがいし)(?:だ|た|で)"
)


def only_cues_among(cues: Iterable[str], allowed: frozenset[str], intensity: int, emphatic: bool) -> bool:
    """The distress triage saw no cue outside `allowed`, at most one trailing-off and no !!."""
    return set(cues) <= allowed and intensity <= 1 and not emphatic


# An order asked after (カガガ 頼ンダ 菓子 ドウナッタ, read as kana): what became of something ordered.
ORDER_ASKED_AFTER = re.compile(
    r"(?:頼んだ|たのんだ|頼んどった|頼んでた|注文した|ちゅうもんした)[^。？?]{0,10}?"
    r"(?:どうなった|どうなって|どないなっ|どげんなっ|どがいなっ|どなんなっ|どがんなっ|どぎゃんなっ|いつ届|いつ来|いつ着)"
)
