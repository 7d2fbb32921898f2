"""Why a conversation goes to a person, from what the customer wrote and the shop rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

from madoguchi.handoff.harm import harmed_by_goods
from madoguchi.handoff.wrong_thing import ARRIVED, asks_for_ingredients, reports_wrong_thing
from madoguchi.nlu.reading import cue_at, cue_places
from madoguchi.shop.rules import Rules
from madoguchi.text import folded

T = TypeVar("T")

INTENT_REASONS = {
    "request_human": "customer_request",
    "complain": "complaint",
    "express_distress": "distress",
    "request_exception": "out_of_policy",
}

# Goods that came wrong again, or a report of them left unanswered (箱つぶれて届いたって前にも言ったずら…
# めーるも送ったに 返事ひとつ寄こさねえ; 先月も箱が潰れて届いて…今度届いたもんも、また蓋が割れとった;
# これで 二回目でぇ; ゼリーが 漏れとった件で 電話しただが: rounds 2026-12-05zzv yasuhei-hetal-12, zzu
# chiyomi-nigar-12, zze fukuzo-sjoukje-11, zzw kiyotsugu-joselito-12):
# told in anger, a complaint about the shop, whose writers all asked for complaint.
TOLD_AGAIN = re.compile(
    r"前にも言|前も言|前にも(?:連絡|電話|メール)|件で[ 　]*(?:お?電話|連絡|メール)し|(?:二|2|２)(?:回|度)目|また(?:蓋|箱|割れ|潰れ|つぶれ|壊れ|こわれ|違う|ちが)|"
    r"先月も|前回も|この前も|去年も|返事(?:ひとつ|も|が)?(?:ない|無い|こない|来ない|寄こさ|よこさ)|返信(?:が|も)?(?:ない|無い|こない|来ない)|"
    # not a bare again: the box came crushed, please send it again asks for a new one, nothing told again
    r"(?i:happened again|(?:wrong|broken|crushed|damaged|melted|leaking|late) again|again (?:broken|crushed|damaged|wrong)|"
    r"second time|told you before|no reply|nobody (?:answered|replied)|no answer|"
    # this is the 2nd time same problem … now again, 39 boxes not 40. and nobody answer my email (round
    # 2026-12-07g hisae-dev-12, replayed)
    r"2nd time|same problem|now again|nobody answers?\b|"
    # every time some problem. Last time the box was crushed (round 2026-12-07o masae-banri-12)
    r"last time|every time|each time)|"
    # また まちがって きたじゃ; 二回も連絡した; 電話したら…それっきり; 3日 前 問い合わせ フォーム で 送った
    # (rounds 2026-12-05k jessica-tsugiko-17, 05j gabriela-mamoru-12, 01j keiko-minh-19, 04zzc kayoko-hung-17)
    r"また[ 　]*(?:まちが|間違)|(?:二|2|２)(?:回|度)も|(?:電話|連絡|問い合わせ|問合せ)したら|(?:問い合わせ|問合せ)[ 　]*フォーム|"
    # 前の注文 箱足りんかったって電話したのに 折り返しもないんよ (round 2026-12-07i masayo-anjali-12)
    r"(?:電話|連絡|問い合わせ|問合せ)(?:を)?(?:し|さ)(?:た|とった|とる|てた)のに|折り返し(?:の電話)?(?:も|が)?[ 　]*(?:ない|無い|こない|来ない|来ん|こん|ありません)"
)
# Goods told of in so many words of anger (ひどいです, しんけん はらが たつ, I AM FURIOUS, I have to
# complain: rounds 2026-12-01e chiyo-priya-19, 05zzs tokuma-nohea-12, 06d kesae-orsu-16, 05zzo
# katsue-boyana-12): a complaint, as its writers asked; not the state of the box (ひどい状態で届いた).
# Narrower than the shop's anger cues on purpose: those stand in 26 first reports of goods whose
# writers all asked for needs_operator, these in none.
ANGRY_AT_GOODS = re.compile(
    r"ひどい(?!状態|有様|ありさま)|酷い(?!状態|有様)|怒って|腹が立|腹の立|はらが[ 　]*たつ|いい加減にし|いいかげんに[ 　]*(?:し|せ)|"
    r"(?i:\bfurious\b|\bunacceptable\b|i have to complain|\bi am (?:so |very )?angry\b|\bi'm (?:so |very )?angry\b)"
)

GRIEF_WORDS = ("亡くな", "他界", "葬儀", "葬式", "通夜", "告別式", "法事", "法要", "四十九日", "初盆", "新盆", "香典", "仏前", "供養")
"""Words of death and memorials: a handoff in distress with these opens with condolences."""


def has_cue(text: str, words, lemmas: frozenset[str] = frozenset()) -> bool:
    """A cue word appears in the text (at any of its `cue_places`), or as a lemma of its tokens."""
    places = cue_places(text)
    return any(folded(w) in places or w in lemmas for w in words)


# Polite formulas and copulas that hold an anger word (お昼寝中に失礼します; …のことなんですけど
# holds なんで): no anger.
# 失礼にならんか心配で: a worry about being rude to the recipient, no anger either.
COURTESY = re.compile(
    r"失礼(?:します|いたします|致します|しました|いたしました|ですが|ながら|を|にな|にあた|に当た|じゃな|では|かな|でしょうか)"
    r"|なんです|なんでしょう"
    # 母の誕生日もうすぐなんで、早めに欲しい; ちらしでもなんでもええ: because, anything; not why
    r"|(?<=[ぁ-ゖァ-ヺ一-龥ー々A-Za-z0-9])(?<![はがもをにへいた])なんで(?![？?])|なんでも|何でも"  # 速達でも何でもいいから
    # 何度もすみません: the customer's own apology, no anger
    r"|(?:何度|なんど|何回|なんかい)も(?:すみません|すいません|申し訳|もうしわけ|ごめん)"
    # 頼んだやつ届かないんですけど、どうなってます？: a status asked politely, no anger
    r"|どうなって(?:い|お)?(?:ます|ましょう|りますでしょう)(?:か|でしょうか)?[？?]|どうなって(?:い|お)(?:ます|ります)か"
    # 社長に怒られる: someone else's anger the customer fears, none at the shop
    r"|(?:怒|おこ)られ|叱られ|しかられ"
    # 別に怒ってないけどさ もっかい送ってくれるかい (round 2026-12-07y yasuji-kamla-03): anger denied
    r"|(?:怒|おこ)って(?:は|も)?(?:ない|ねえ|ねー|ません|へん|おらん|ないけ|いない|る訳じゃ|るわけじゃ|るんじゃな)"
    r"|(?i:not\s*angry|no\s*angry|not\s*mad)"
)
# A goods problem told before and a promised call that never came (破損の件で問い合わせをしました。
# 担当者から電話をすると言われましたが、まだ何の連絡もありません), or asked again and never
# answered: the complaint is the wait.
PROMISE_UNKEPT = re.compile(
    # (商品の液漏れの件にてご連絡申し上げ、…本日に至るまで何らの連絡もございません, round zzf)
    r"(?:の件で|の件にて|のことで|について)(?:お?問い?合わ?せ|ご?連絡|電話|ご?相談)(?:を)?(?:し|さ|申し|差し上げ|いたし)"
    r".*(?:連絡|電話|返事|返信|折り返し)(?:も|が|は)?"
    r"(?:ない|ありません|ありませんね|ございません|こない|来ない|きません|来ません|いただけ|もらえ)"
    # 先週から3回問い合わせてるんですが、まだ回答ないです
    r"|(?:問い?合わ?せ|問合せ)(?:を)?(?:し)?て(?:る|い|お|た).*(?:回答|返事|返信|連絡|折り返し)(?:も|が|は)?"
    r"(?:ない|ありません|こない|来ない|きません|来ません)"
    # お歳暮の宛名が間違ってた件。いつになったら連絡くるんですか
    r"|件[。、,.]?いつ(?:になったら|まで)?.{0,6}(?:連絡|返事|回答|電話|折り返し)(?:が|を|は)?(?:く|来|もらえ|いただけ)"
    # …って電話したんだ。折り返すって言ったきり、なんの音沙汰もねえ (round 2026-12-05b)
    r"|(?:折り返す|折り返し|連絡する|電話する|返事する)(?:って|と)(?:言った|いった|言われた|いわれた|おっしゃった"
    r"|言うとった|いうとった|言っとった|言ってた|いってた|言うてた)(?:きり|のに|まま)"  # Mino (round 2026-12-08a)
    # 折り返しお電話をいただけるとのことでしたが、現時点で何らご連絡がございません (round 2026-12-05v)
    r"|(?:折り返し|連絡|電話)[^。]{0,12}?(?:いただける|もらえる|くれる|する|します|いたします)(?:と|って)の?"
    r"(?:こと|話|お話)?(?:でした|だった)?(?:が|けど|のに)[^。]{0,20}?(?:連絡|電話|返事|音沙汰)(?:も|が|は)?"
    r"(?:ない|ありません|ございません|こない|来ない|きません|来ません|ねえ)"
    # Your colleague said I would get an email reply within one day (round 2026-12-05y): a promise
    # told back is one not kept
    r"|(?i:(?:said|toldme|toldus|promised(?:me|us)?)(?:that)?(?:i|we)(?:would|'d|will)(?:get|receive|hear)"
    r"|(?:said|promised)(?:that)?(?:you|they|someone|somebody|he|she)(?:would|'d|will)(?:call|email|reply|contact|getback|連絡|返事))"
)
# A house or a town struck, not the parcel (地震で つぶれた 自分の 前の 家): no damaged goods.
STRUCK_NOT_GOODS = re.compile(
    r"(?:地震|じしん|台風|たいふう|大雨|おおあめ|水害|災害|さいがい|津波|つなみ|火事|かじ)で\s*(?:家|いえ|うち)?[がは]?\s*"
    r"(?:つぶれ|潰れ|壊れ|こわれ|流され|ながされ|焼け|やけ)|(?:家|いえ|建物|たてもの|実家|じっか)が\s*(?:つぶれ|潰れ|壊れ|こわれ)"
    # あたま ぐちゃぐちゃで: a mind in a muddle, no box (rounds 2026-12-02zc, 03zj, 03zk, 03zl: distress)
    r"|(?:頭|あたま|アタマ)(?:が|の中が?|ん中)?[ 　]*(?:ぐちゃぐちゃ|グチャグチャ|めちゃくちゃ|こんがらが|ごちゃごちゃ)"
)
# The customer's own slip in the order (I think I typed the wrong address, round 2026-12-05zzj
# sakuji-aroha-08): a change to ask for, no wrong goods.
OWN_SLIP = re.compile(
    r"(?i)(?:typed|entered|put|wrote|gave|used|input|inputted|filled in|chose|selected)\s+(?:in\s+)?(?:the|a|my)\s+wrong\s+address"
    r"|(?:住所|じゅうしょ)を?(?:間違えて|まちがえて)(?:入力|にゅうりょく|書い|かい|入れ|いれ|登録)"
    # I want to cancel my order, I order the wrong box sorry (round 2026-12-06d matsuno-bilung-18)
    r"|\bi\s+(?:order|ordered|choose|chose|picked|bought|clicked)\s+(?:the|a)\s+wrong\s+\w+"
    # maybe I've got the wrong email (round 2026-12-07d tsuneyo-aroha-15): the mail, not the goods
    r"|\b(?:i've|i\s+have|i)\s+got\s+the\s+wrong\s+(?:e-?mail|mail|number|order\s+number|address|account)\b"
    r"|(?:商品|品物|箱|味|数|個数)を?(?:間違えて|まちがえて)(?:注文|ちゅうもん|頼ん|たのん|選ん|えらん)"
)
# Liking the sweets (気に入って) holds 入って, but says nothing of what is in the box.
LIKED = re.compile(r"気に入|きにい|気にい")
# Money short, not goods (送料かかると足りないんで、送料無料にしてもらえないですか, round zx).
MONEY_SHORT = re.compile(
    r"(?:予算|お金|おかね|金が|かねが|円|送料|そうりょう|バイト代|小遣い|こづかい|財布|さいふ)[^。]{0,12}?(?:足りな|足りませ|足らん|足りひん|足りへん|たりな)"
)
# A count that is not enough for what is wanted (数 ふたつにしてくれんか ひとつじゃ足らんがよ, round
# 2026-12-07k): more asked for, nothing missing from what came.
TOO_FEW_WANTED = re.compile(
    r"(?:ひとつ|一つ|1つ|１つ|ひと箱|一箱|[0-9０-９一二三四五六七八九十]+(?:個|箱|つ|こ|セット))(?:だけ)?"
    r"(?:じゃ|では|やと|だと|じゃあ)(?:足りな|足りん|足らん|足りませ|足りひん|足りへん|足らへん|たりな|たらん)"
)
# Stock short before sending, the order late for it (品物が足りねえから遅れるって書いであった,
# round 2026-12-05r yukie-duc-07): no goods that came wrong.
STOCK_SHORT = re.compile(
    r"(?:品物|商品|在庫|ざいこ|材料)[がも]?\s*(?:足りな|足りね|足らな|足らん|足りませ|たりな|たりね|切れ)[ぁ-ん]{0,3}?"
    r"(?:から|ので|んで|ため|けん|さかい|すけ)\s*(?:発送が|お届けが|配送が)?(?:遅れ|遅く|おくれ|おそく)"
)
# Nothing in the mailbox (まだポストに入っていません, round zv): a catalog not come, not goods missing.
MAILBOX = re.compile(r"(?:ポスト|ぽすと|郵便受け?|ゆうびんうけ|新聞受け)\s*(?:に|へ)?\s*(?:は|も)?\s*(?:入っ|はいっ)")
# Damage feared or denied, not reported (ケーキ溶けたら泣く, 割れないように, 壊れてないです).
NOT_DAMAGED = re.compile(
    r"(?:割れ|われ|溶け|とけ|崩れ|くずれ|潰れ|つぶれ|壊れ|こわれ|腐|くさ|かび|漏れ|もれ|傷ま|いたま)"
    r"(?:たら|ちゃったら|てしまったら|とったら|ちょったら|てたら|ると|ないか|ないよう|たりしない|ませんか|やすい|そう|"
    r"てない|ていない|てません|ていませ|てへん|とらん|てなかった|ていなかった)"
    r"|(?:へこ|凹)ん[でど]っ?ても"  # 箱が少々へこんどってもかまんけん: a dent allowed, none told
)
# A parcel that came late (2日も遅れて着いた, 指定日に間に合わなかった): a complaint, not the goods.
LATE = re.compile(
    r"遅れ|おくれ|遅く|おそく|遅延|間に合わ|まにあわ|間に合うように|まにあうように|指定した(のに|んに|けど)|指定日|"
    r"終わった次の日|終わってから|過ぎてから|済んでから|すんでから|"  # 届いたん納会終わった次の日やぞ
    # 指定した品が…届いたのは9日; 届いたのが正月明けだったんだわ (round 2026-12-05zzf): the wait is the complaint
    r"(?:届いた|とどいた|着いた|ついた)の[はが][^。]{0,4}?(?:[0-9]+日|翌日|次の日|週明け|年明け|翌週|翌月|正月)|指定した(?:品|もの|日)"
    # in English, read or not (the funeral was on Saturday and your box arrived only on Tuesday, round 2026-12-05zzh)
    r"|(?:届いた|届きました|arrived|came)\s*only\s*(?:on|after|the)|\btoo late\b"
    r"|after (?:the|everything) (?:funeral|party|event|was)"
    # i paid for on time delivery. this is really bad service (round 2026-12-07x fumi-bilal-16)
    r"|\bon[- ]?time deliver|\bdays? late\b|\blate deliver"
)
# Asked as what may happen, nothing told (のしが違ってたらどうなりますか).
ASKED_IF = re.compile(r"(?:違|ちが|間違|まちが|おかし|変|へん)[ぁ-ゖ]{0,3}?(?:たら|ったら|れば|ても|ないか|ないよう)")
# Which のし to choose, asked (his mother passed away, which noshi is good? red and white is wrong?): a
# question before ordering, nothing that came.
WHICH_NOSHI = re.compile(r"(?i:which ?(?:noshi|のし)|what ?(?:noshi|のし)|どの(?:のし|熨斗))|(?:のし|熨斗)(?:は|って)?(?:何|なに|どれ)")


def spaceless(text: str) -> str:
    """The text normalized, without the spaces some customers set between words, and the same
    as read in kana (noshi ga 紅白 no oiwai no datta), one reading after the other."""
    return re.sub(r"[ \t\u3000]+", "", cue_places(text))


def goods_problem(rules: Rules, text: str, lemmas: frozenset[str] = frozenset()) -> bool:
    """The customer reports damaged or wrong goods (always an operator's case)."""
    return goods_reported(_goods_cues(rules), text, lemmas)


# The goods cues of each rules object read, normalized once (the rules are read once per process).
_MADE: dict[tuple[Callable[[Rules], Any], int], tuple[Rules, Any]] = {}


def per_rules(make: Callable[[Rules], T], rules: Rules) -> T:
    """What `make` makes of the rules (cues normalized), made once per rules object read."""
    kept = _MADE.get((make, id(rules)))
    if kept is None or kept[0] is not rules:
        kept = _MADE[(make, id(rules))] = (rules, make(rules))
    return kept[1]


def _goods_cues(rules: Rules) -> GoodsCues:
    """`GoodsCues` of the rules, made at their first use."""
    return per_rules(_made_goods_cues, rules)


def _made_goods_cues(rules: Rules) -> GoodsCues:
    return GoodsCues.from_cues(rules.cues)


@dataclass(frozen=True)
class GoodsCues:
    """The rules file's cues of goods problems, normalized once (the triage keeps them)."""

    damaged: tuple[str, ...]
    wrong_item: tuple[str, ...]
    wrong_noshi: tuple[tuple[str, ...], ...]
    mourning_noshi: tuple[tuple[str, ...], ...]
    wrong_noshi_name: tuple[tuple[str, ...], ...] = ()
    wrong_noshi_occasion: tuple[tuple[str, ...], ...] = ()
    wrong_noshi_new_year: tuple[tuple[str, ...], ...] = ()
    wrong_addressee: tuple[tuple[str, ...], ...] = ()
    wrong_noshi_quoted: tuple[tuple[str, ...], ...] = ()
    delivered_elsewhere: tuple[tuple[str, ...], ...] = ()
    wrong_noshi_odd: tuple[tuple[str, ...], ...] = ()
    wrong_name_quoted: tuple[tuple[str, ...], ...] = ()
    wrong_name_told: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def from_cues(cls, cues: dict[str, Any]) -> "GoodsCues":
        return cls(
            damaged=tuple(folded(w) for w in cues.get("damaged", [])),
            wrong_item=tuple(folded(w) for w in cues.get("wrong_item", [])),
            wrong_noshi=cue_groups(cues.get("wrong_noshi", {})),
            mourning_noshi=cue_groups(cues.get("wrong_noshi_mourning", {})),  # the occasion told here too
            wrong_noshi_name=cue_groups(cues.get("wrong_noshi_name", {})),
            wrong_noshi_occasion=cue_groups(cues.get("wrong_noshi_occasion", {})),
            wrong_noshi_new_year=cue_groups(cues.get("wrong_noshi_new_year", {})),
            wrong_addressee=cue_groups(cues.get("wrong_addressee", {})),
            wrong_noshi_quoted=cue_groups(cues.get("wrong_noshi_quoted", {})),
            delivered_elsewhere=cue_groups(cues.get("delivered_elsewhere", {})),
            wrong_noshi_odd=cue_groups(cues.get("wrong_noshi_odd", {})),
            wrong_name_quoted=cue_groups(cues.get("wrong_name_quoted", {})),
            wrong_name_told=cue_groups(cues.get("wrong_name_told", {})),
        )


def goods_reported(goods: GoodsCues, text: str, lemmas: frozenset[str] = frozenset()) -> bool:
    """Damaged or wrong goods, or a wrong のし, reported in the text: the one reading of the
    triage (`madoguchi.nlu.triage`) and of the handoff reasons. A word matches in the
    normalized text, without its spaces, as a lemma, or in the text read as kana (ハコ
    ツブレテル, box kowarete)."""
    # 菓子を気に入ってな: not 入ってな (missing)
    text = STOCK_SHORT.sub("", MONEY_SHORT.sub("", MAILBOX.sub("", LIKED.sub("", OWN_SLIP.sub("", text)))))
    text = TOO_FEW_WANTED.sub("", text)
    unstruck = NOT_DAMAGED.sub("", STRUCK_NOT_GOODS.sub("", text))  # not 地震で つぶれた 家, 溶けたら
    places = cue_places(unstruck)
    whole = folded(text)
    joined = spaceless(text)  # のしが あかと しろの; noshi ga 紅白 no
    return (
        any(w in lemmas or cue_at(w, places) for w in goods.damaged)
        or (any(w in whole or w in joined or w in lemmas for w in goods.wrong_item) and not asks_for_ingredients(text))
        or reports_wrong_thing(text)
        or (every_group(joined, goods.wrong_noshi) and not WHICH_NOSHI.search(joined))
        or every_group(joined, goods.mourning_noshi)
        or every_group(joined, goods.wrong_noshi_name)
        or every_group(joined, goods.wrong_noshi_occasion)
        or every_group(joined, goods.wrong_noshi_new_year)
        or other_season_quoted(joined)
        or every_group(joined, goods.wrong_addressee)
        or every_group(joined, goods.wrong_noshi_quoted)
        or every_group(joined, goods.delivered_elsewhere)
        or every_group(joined, goods.wrong_name_quoted)
        or every_group(joined, goods.wrong_name_told)
        or (every_group(joined, goods.wrong_noshi_odd) and not ASKED_IF.search(joined))
    ) and PROMISE_UNKEPT.search(joined) is None  # told before: the wait is the complaint


# The seasonal gifts, each in its words: the のし of one on a gift of another is wrong goods.
SEASONS = {"歳暮": ("歳暮", "せいぼ"), "中元": ("中元", "ちゅうげん"), "年賀": ("年賀", "ねんが")}
# The のし told as what came, a season quoted or not (のしが「御歳暮」になっとった; 「のしが御中元に
# なっている」とのご連絡, round 2026-12-05v).
SEASON_QUOTED = re.compile(
    r"(?:のし|熨斗|表書き)[がは]?[「『]?(?:御|お)?(歳暮|中元|年賀)[」』]?(?:に|と|って)(?:なっ|書いてあ|書かれ|印字され|入っ)"
)


def other_season_quoted(joined: str) -> bool:
    """The のし of one season reported on the gift of another (お中元ののしが「御歳暮」に
    なっとった, round 2026-12-05i): the season quoted is not the one the gift was for."""
    quoted = SEASON_QUOTED.search(joined)
    if quoted is None:
        return False
    rest = joined[: quoted.start()] + joined[quoted.end():]
    return any(w in rest for season, words in SEASONS.items() if season != quoted.group(1) for w in words)


# A mail that came is no parcel (me llegó un correo: メールが届きました, round 2026-12-05m in the replay).
MAIL_CAME = re.compile(r"(?:メール|めーる|メッセージ|確認メール|(?i:e-?mail|mail|correo))\s*(?:が|は|も)?\s*(?:届|とど|来|き)")


def reports_arrival_calmly(rules: Rules, text: str) -> bool:
    """A complaint about a parcel that came, without anger or lateness (届いた小包の宛名が存じ
    上げない方のお名前になっております; oi... okashi todoita kedo 😢, read as kana): whatever is
    wrong with it, a person must look."""
    norm = cue_places(text)
    cues = rules.cues
    return (
        ARRIVED.search(MAIL_CAME.sub("", norm)) is not None
        and "!!" not in folded(text)  # 誕生日の ギフト きのう とどいた！ パーティーは おとといだよ！！: angry, late
        and not any(folded(w) in COURTESY.sub("", norm) for w in cues.get("anger", []))
        and not any(folded(w) in norm for w in cues.get("not_arrived", []))
        and LATE.search(norm) is None
        and PROMISE_UNKEPT.search(re.sub(r"\s+", "", folded(text))) is None  # told before: the wait is the complaint
        and not asks_for_ingredients(text)  # Gelatin が入っていないお菓子もありますか: a question, nothing came
    )


def cue_groups(groups: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    """Cue groups (all must be met), their words normalized."""
    return tuple(tuple(folded(w) for w in words) for words in groups.values())


def every_group(norm: str, groups: tuple[tuple[str, ...], ...]) -> bool:
    """A word of every group stands in the (normalized) text."""
    return bool(groups) and all(any(w in norm for w in group) for group in groups)


def exception_kind(rules: Rules, text: str, lemmas: frozenset[str] = frozenset()) -> str | None:
    """Which exception to the shop rules a message asks for, if any."""
    for kind, words in rules.cues.get("exceptions", {}).items():
        if has_cue(text, words, lemmas):
            return kind
    return None


def is_grief(text: str) -> bool:
    """The message speaks of a death or a memorial."""
    return has_cue(text, GRIEF_WORDS)


def reason_for_intent(
    rules: Rules, intent: str, text: str, lemmas: frozenset[str] = frozenset(), goods: bool | None = None
) -> str | None:
    """The handoff reason a message calls for by its intent and content, or None; `goods` tells
    whether it reports a goods problem when that is known already (the learned detector's too)."""
    reason = INTENT_REASONS.get(intent)
    # Wrong or damaged goods are an operator's case whatever else is said (a person asked for
    # with it too: the operator needs to know what to look at), by any intent that calls for one;
    # first among them (distress) when someone ate them and is harmed.
    if reason is not None or intent in ("change_order", "ask_delivery_status"):
        if goods if goods is not None else goods_problem(rules, text, lemmas):
            if harmed_by_goods(text):
                return "distress"
            told = TOLD_AGAIN.search(folded(text)) or ANGRY_AT_GOODS.search(folded(text))
            return "complaint" if intent == "complain" and told else "needs_operator"
    if reason == "complaint" and reports_arrival_calmly(rules, text):
        return "needs_operator"
    return reason
