"""Portuguese and Spanish among romaji, read as the Japanese the classifier learned.

Brazilian and Peruvian customers (Aichi, Shizuoka, Gunma) write their own language mixed
with the romaji Japanese of their workplace: `oi, pedi o katarogu e nunca chegou`,
`quiero hablar con una persona, onegai`. The classifier learned Japanese; a few dozen such
examples do not teach it two more languages. So a message with enough words of the
lexicon below is read word by word: a phrase or word of the lexicon as its Japanese, a
romaji word in hiragana (`madoguchi.nlu.kana.to_kana`), any other word as written.
Words that are also romaji particles (o, a, de, no, e, se) are not in the lexicon alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from madoguchi.nlu.kana import KEEP, Reading, replaced, to_kana

# One line a meaning: the Japanese (empty: a word of grammar, left out), then its words and
# phrases in Portuguese (Brazil, as typed in chats: vc, pra, nao) and Spanish, written
# without accents (they are taken off before a word is looked up); a line that begins with |
# goes on with the meaning above.
_LEXICON = """
こんにちは = oi | ola | hola | bom dia | boa tarde | boa noite | buenos dias | buenas tardes
    | buenas noches | buenas | tudo bem | tudo bom | que tal
おやすみなさい = vou dormir | me voy a dormir | boa noite entao | buenas noches entonces
また来ます = depois eu volto | depois volto | luego vuelvo | despues vuelvo | volto depois
さようなら = me voy | ya me voy | ja vou | vou indo | tchau | chau | chao | adeus | adios | ate mais
    | ate logo | ate amanha | hasta luego | hasta manana | nos vemos | falou
以上です = eso es todo | eso era todo | es todo | era todo | so isso | e isso | era isso | nada mais
    | nada mas
すみません = disculpe | disculpa | perdon | desculpa | desculpe | con permiso | com licenca
ありがとうございます = pela paciencia | por la paciencia | por tener paciencia | me ajudou | me ayudo
    | muy amable | que amable | gracias por | agradecida | agradecido | obrigado | obrigada
    | obrigadao | valeu | muito obrigado | muito obrigada | gracias | muchas gracias | mil gracias
    | agradeco | agradezco
はい = sim | si | isso mesmo | certo | claro | pode ser | beleza | blz | exato | exatamente
    | com certeza | de acuerdo | exacto | correcto | eso es | esta bien | perfeito | perfecto
いいえ、大丈夫です = nao precisa | nao obrigado | nao obrigada | no gracias | no hace falta | no es necesario
もういいです = deixa pra la | esquece | esquece isso | olvidalo | olvidelo | dejalo | ya no lo necesito
    | nao preciso mais | no importa
また今度にします = depois eu vejo | depois vejo | luego lo veo | otro dia | outro dia | mas tarde
    | mais tarde
お願いします = por favor | porfa | pfv | pf
カタログ = catalogo | catalogos | catalog | catalogue | folheto | revista | folleto
紙の = de papel | impresso | impreso
送ってください = mandar | manda | mande | me manda | enviar | envia | envie | me envia | mandame | enviame
    | mandan | mandam
ほしいです = quero | queria | gostaria | preciso | quiero | quisiera | necesito | me gustaria
注文 = pedido | pedidos | compra | encomenda | orden
荷物 = pacote | caixa | caixas | paquete | caja | cajas | encomiendas
配達 = entrega | entregar | entregas | reparto
届きました = llegaron | chegaram | chegou | llego | recebi | recibi | veio | vino
届きますか = chega | chegar | vai chegar | llega | llegar | va a llegar
届いていない = no llega | no llegan | no llegaron | nao chega | nao chegaram | nao chegou ainda
    | nao recebemos | nao chegou | nunca chegou | ainda nao chegou | nao veio | nunca veio
    | nao recebi | no llego | nunca llego | todavia no llega | no ha llegado | aun no llega
    | no recibi | no me llego
ずいぶん前に = faz tempo | faz muito tempo | hace tiempo | hace mucho
待っています = esperando | aguardando | espero
注文した荷物はどこですか = cade meu pedido | cade minha encomenda | onde esta meu pedido
    | onde esta minha encomenda | donde esta mi pedido | donde esta mi paquete
何日も経ちます = ja faz dias | faz dias | hace dias | ya hace dias | faz uma semana | hace una semana
まだ = ainda | todavia | aun
ない = nao | nunca | nem | tampoco
気に入りません = nao gostei | nao gostou | no me gusto | no le gusto
できますか = pode | posso | podem | da pra | tem como | e possivel | se puede | puede | pueden | puedo
    | es posible
頼んだ = pedi | pedimos | encomendei | solicite 
注文した = comprei | compramos | compre | ordene
発送されましたか = ya salio | ja saiu | salio | saiu | despacharon | enviado | enviaram | mandaram
    | foi enviado | ja foi | enviaron | mandaron
どこですか = onde | cade | onde esta | donde | donde esta
いつ = quando | cuando | que dia
追跡 = rastreio | rastreamento | rastrear | seguimiento | rastreo
送料 = frete | envio | custo de envio | taxa de entrega | costo de envio | gastos de envio
いくらですか = quanto | quanto custa | quanto e | quanto fica | cuanto | cuanto cuesta | cuanto es | preco
    | precio | valor
何日かかりますか = quantos dias | quanto tempo | prazo | cuantos dias | cuanto tiempo | demora quanto
海外 = exterior | brasil | peru | sao paulo | rio de janeiro | lima | bolivia | argentina | portugal
    | espanha | espana | ems | estrangeiro | extranjero
贈りたい = regalar | para regalar | dar de presente
ギフト = presente | presentes | regalo | regalos | lembrancinha | mimo
包装 = papel de regalo | embrulho | embrulhar | embalagem | papel de presente | envolver | envoltorio
    | empaque
メッセージカード = cartao | cartao de mensagem | tarjeta | tarjeta de mensaje
家族 = familia | esposa | marido | mae | pai | sogra | sogro | filho | filha | suegra | suegro | hijo
    | hija
上司 = chefe | jefe
友達 = amigo | amiga | colega | amigos
家 = casa | minha casa | mi casa
メール = email | e mail | correo electronico | mensagem | mensaje
郵便 = correio | correo | pelo correio | por correo
返事 = respondendo | respondiendo | contestando | resposta | responde | responder | respondeu
    | respuesta | contestan
引っ越しました = mudei | me mudei | me mude | mudamos
高い = caro | carisimo
安い = barato | barata
おいしい = gostoso | gostosa | delicioso | deliciosa | rico | rica
開けたら = abri | abrimos | abrir | abierto | abri a caixa
お菓子 = doce | doces | docinho | docinhos | dulce | dulces | bolo | bolos | biscoito | biscoitos
    | galletas | chocolate
おすすめ = recomenda | recomendacao | recomienda | recomendacion | mais gostoso | mas rico | o melhor
    | el mejor
どれが人気ですか = cual es el mas | qual e o mais | cual | qual
人気 = mais vendido | popular | famoso
冷蔵庫 = geladeira | refrigerador | nevera | heladera
常温 = fora da geladeira | fuera del refrigerador | temperatura ambiente
賞味期限 = cuantos dias dura | quanto tempo dura | dura cuanto | cuanto dura | validade
    | prazo de validade | vencimento | dura quanto | vencimiento | caducidad | dura mais
アレルギー = alergia | alergico | alergica | alergenos
原材料 = ingredientes | ingrediente | contem | contiene
なし = sem | sin
アルコール = alcool | licor
砂糖 = acucar | azucar | diabetes | diabetico
味 = sabor | sabores | gosto
キャンセル = cancelar | cancela | cancelamento | cancelacion | anular
変更したい = muda | mude | mudem | mudar | trocar | alterar | mudanca | troca | cambiar | cambio
    | modificar
追加 = adicionar | acrescentar | agregar | anadir | mais uma
配送業者 = transportadora | empresa de envio | paqueteria
手数料 = taxa | tarifa | comision
仕事 = trabajo | trabalho | emprego
住所 = endereco | direccion | domicilio
日付 = data de entrega | dia de entrega | fecha
名前は = mi nombre es | meu nome e | me chamo | me llamo
名前 = nome | nombre | meu nome | mi nombre
電話 = telefone | telefono | celular | ligar | llamar | ligacao | llamada
番号 = numero | numero do pedido | numero de pedido
どうしよう = meu deus | nossa senhora | dios mio | ay dios
話したい = hablar | falar | conversar | hablando | falando | prefiero hablar | prefiro falar
教えたくない = nao vou passar | nao vou dar | nao passo | nao vou falar | no voy a dar | no lo voy a dar
    | no te lo doy | no quiero dar
なんで聞くの = pra que isso | para que isso | para que es eso | pra que serve | para que sirve
人に代わってください = me passa | passa pra | me passe | me pasa con | paseme con | pasame con
    | comunicame con | me comunica con
データがあるでしょう = meus dados | mis datos | seus dados | sus datos | meu cadastro | mi registro
そっちで調べて = procura ai | procura voce | procurem | procura pelo | busquen | busca usted | buscalo
    | busquenlo | ustedes busquen | vcs procuram
番号がわからない = nao tenho numero | nao tenho o numero | nao sei o numero | no tengo numero
    | no tengo el numero | no se el numero | nao lembro o numero | no recuerdo el numero
送料は払います = eu pago o frete | pago o frete | pago el envio | yo pago el envio | pago lo que sea
人と話したい = falar com | falar com alguem | quero falar | hablar con | quiero hablar
    | hablar con alguien | atendente | atendimento humano
人 = pessoa | alguem | gente | persona | alguien | funcionario | empleado
人間 = humano | gente de verdade | pessoa de verdade | pessoa real | persona real | de verdad
ポルトガル語 = portugues | em portugues
スペイン語 = espanol | castellano | en espanol
日本語がわからない = nao entendo | nao sei japones | nao falo japones | no entiendo | no hablo japones
    | no se japones
ロボット = computador | computadora | programa | robo | robot | maquina | chatbot | automatico
    | automatica
あなたは = voce e | vc e | eres | usted es | e voce
対応が悪い = mal servicio | mal atendimento | mau atendimento | mal atendimiento | atendimento ruim
    | servico ruim | servicio malo
悪い = mal | mau | ruim | malo | mala
対応 = servicio | atendimento | atencion | servico
最悪 = porcaria | porqueria | pessimo | pessima | horrivel | lixo | pesimo | pesima | horrible
    | terrible
ひどい = absurdo | palhacada | vergonha | falta de respeito | sacanagem | que absurdo | una verguenza
    | falta de respeto | inaceptable | inaceitavel
怒っています = molesta | molesto | enojada | enojado | bravo | brava | irritado | irritada | furiosa
    | furioso | indignada | indignado
いい加減にして = ya basta | basta
いつも = siempre me | sempre me
三回目 = tercera vez | terceira vez | tres veces | tres vezes
なぜ = por que | porque atrasou | por que atrasou
何があったんですか = o que aconteceu | que paso | que aconteceu | que ha pasado
苦情 = reclamacao | reclamar | queixa | queja | reclamo | quejarme
遅い = demora | demorou | atrasou | atrasa | atrasado | atrasada | atraso | tarde demais | lento
    | demoro | retraso | retrasado
返事がない = ninguem responde | ninguem me responde | sem resposta | nadie responde | sin respuesta
助けてください = ayudeme | ayudenme | me ayuda por favor | socorro | me ajuda | me ajude | ajuda | ajudem
    | ayuda | ayudame | auxilio | por favor me ajuda
不安です = tengo miedo | estoy con miedo | to com medo | estou com medo | llorando | chorando | nerviosa
どうしたらいいですか = que hago | que faco | o que eu faco | que puedo hacer
困っています = desesperado | desesperada | nervoso | nervosa | preocupado | preocupada | aflito | aflita
    | nao sei o que fazer | no se que hacer | angustiado | angustiada
急ぎません = no hay prisa | nao ha pressa | nao tem pressa | no hay apuro | sin apuro | sem pressa
    | sin prisa | nao tenho pressa | no tengo prisa | sem urgencia | no es urgente | nao e urgente
    | nao precisa ser rapido
急いでいます = urgente | pressa | com pressa | rapido | rapida | correndo | apurado | prisa | urgencia
    | lo antes posible
特別にお願いします = excecao | excepcion | faz essa excecao | hagan una excepcion
先にしてください = primero en la lista | antes que los otros | antes dos outros | prioridade | prioridad
    | me pongan primero | passar na frente
なんとかしてください = da um jeito | de um jeito | haga algo | hagan algo | resolve isso | resuelvan
追加料金を払います = eu pago a mais | pago a mais | pago extra | pago mas
常連です = cliente antigo | cliente antiguo | cliente de siempre | sempre compro | siempre compro
    | compro todo ano | compro cada ano
無料にしてください = de graca | gratis | sem frete | frete gratis | envio gratis | sin costo
お金 = dinero | dinheiro | plata | grana
割引 = desconto | descontinho | descuento | promocao | promocion | mais barato | mas barato
返品 = devolver | devolucao | devolucion | trocar o produto
二重に支払いました = pague dos veces | paguei duas vezes | cobraron dos veces | cobrado duas vezes
    | cobraram duas vezes | pague doble | pagamento duplicado | pago doble
学生 = estudiante | estudante | universitario
時間 = hora | horario | horas
返金 = devolver el dinero | devolver o dinheiro | regresen el dinero | reembolso | dinheiro de volta
    | estorno
濡れていました = mojado | mojada | mojados | molhado | molhada | molhados | empapado | empapada
壊れていました = aplastada | quebrado | quebrada | quebrados | quebradas | amassados | amassadas | rotos
    | rotas | aplastados | aplastadas | quebrou | amassado | amassada | estragado | estragada | roto
    | rota | aplastado | danado | danificado
頼んだものと違う味 = sabor errado | sabor equivocado | sabor diferente | outro sabor | otro sabor
    | sabor trocado
注文と違う商品が届いた = produto errado | producto equivocado | outro doce | otro dulce | nao e o que eu pedi
    | nao e o que pedi | no es lo que pedi | veio errado | veio outro | llego otro | llego mal
違う = errado | errada | trocado | outro | equivocado | equivocada | incorrecto | diferente
漏れていました = vazando | vazou | derramado | derramo
頼んでいない = yo no pedi | no pedi | eu nao pedi | nao pedi | no pedi esto | nao pedi isso
宛名が違う = otro nombre | outro nome | otra direccion | outro endereco
違う家に届いた = casa errada | endereco errado | casa equivocada | direccion equivocada | otra casa
    | outra casa | casa do vizinho | casa del vecino | vizinho | vecino
他の人の荷物 = no es para mi | nao e pra mim | nao e para mim | nao e meu | nao e nosso | nome errado
    | outra pessoa | otra persona | no es mio | nome de outra
亡くなりました = faleceu | morreu | falecido | falecida | falecimento | fallecio | murio | fallecido
    | fallecida
法事 = missa | missa de setimo dia | luto | velorio | funeral | enterro | memorial
    | aniversario de morte
お供え = oferenda | ofrenda
結婚式 = casamento | boda | casamiento
誕生日 = aniversario | cumpleanos
お歳暮 = fim de ano | fin de ano
今日 = hoje | hoy
明日 = amanha | manana
昨日 = ontem | ayer
今夜 = hoje a noite | esta noite | esta noche
月曜日 = segunda | segunda feira | lunes
火曜日 = terca | terca feira | martes
水曜日 = quarta | quarta feira | miercoles
木曜日 = quinta | quinta feira | jueves
金曜日 = sexta | sexta feira | viernes
土曜日 = sabado
日曜日 = domingo
先週 = semana pasada | semana passada | la semana pasada
日 = dias | dia
週間 = semana | semanas
私の = meu | minha | meus | minhas | mi | mio | mia | mis
二回目 = segunda vez | outra vez | de novo | otra vez | de nuevo
の = da | do | das | dos | del
と = com | con
 = que | pra | pro | para | um | uma | uns | umas | un | una | unos | unas | em | en | no meu
    | na minha | os | las | los | el | la | lo | eu | yo | vc | vcs | voce | voces | tem | tengo
    | tiene | aqui | aca | ali | entao | pois | bem | muito | mucho | muy | mas | pero | porque | pq
    | como | kkk | kkkk | kkkkk | jaja | jajaja | haha | rs | q | tb | tbm | tambem | tambien | esse
    | essa | este | esta | isso | isso ai | por | ta | tava | tah | es | estoy | soy | son | ay
    | ustedes | usted | estan | sou | estou | bueno | listo | pues | entonces | ahora | agora
    | ahorita | al | nada | sempre | siempre | tus | seu | sua
"""


def _entries() -> dict[tuple[str, ...], str]:
    words: dict[tuple[str, ...], str] = {}
    japanese = ""
    for line in _LEXICON.strip("\n").splitlines():
        if line.lstrip().startswith("|"):  # more words of the meaning above
            rest = line.lstrip()[1:]
        else:
            japanese, _, rest = line.partition("=")
            japanese = japanese.strip()
        for phrase in rest.split("|"):
            words[tuple(phrase.split())] = japanese
    return words


_WORDS = _entries()
# Words of the lexicon an English sentence holds too: no sign of Portuguese or Spanish.
_ALSO_ENGLISH = {"catalog", "catalogue", "robot", "chocolate", "popular", "memorial", "funeral",
                 "terrible", "horrible", "gratis", "diabetes", "persona", "email", "alcohol", "chatbot"}
# Japanese of the lexicon that says nothing of Portuguese or Spanish: grammar.
_GRAMMAR = {"", "の", "と", "私の"}
# Words of grammar that are Portuguese or Spanish, not romaji nor English (not yo, mi, la, en, un).
_THEIR_GRAMMAR = {
    "que", "pra", "pro", "para", "um", "uma", "uns", "umas", "una", "unos", "unas", "em", "os", "las", "los",
    "el", "del", "eu", "vc", "vcs", "voce", "tem", "tengo", "tiene", "aqui", "aca", "entao", "pois", "bem",
    "muito", "mucho", "muy", "mas", "pero", "porque", "pq", "como", "tb", "tbm", "tambem", "tambien", "esse",
    "essa", "este", "esta", "por", "es", "estoy", "soy", "son", "estan", "sou", "estou", "bueno", "pues",
    "meu", "minha", "mis", "seu", "sua", "nao", "agora", "ahora", "ahorita", "ustedes", "usted",
}
# English words of grammar: a message with as many of them is English (please send the catalogo).
_ENGLISH = {
    "the", "is", "are", "i", "you", "my", "it", "to", "and", "of", "please", "what", "how", "can", "do", "this",
    "that", "have", "not", "was", "for", "with", "on", "in", "at", "be", "will", "we", "our", "your", "an",
    "if", "there", "they", "would", "could", "want", "need", "thank", "thanks", "hi", "hello", "from", "did",
    "does", "has", "am", "i'm", "it's", "don't", "dont", "just", "about", "so", "but", "or",
}
_LONGEST = max(len(key) for key in _WORDS)
# No, as the first word of a message: an answer.
_NO = {"nao", "naum", "nop", "no"}
# A word of Latin letters, accented too, not glued to digits (A1234567 is an order number).
_LETTER = r"A-Za-z\u00c0-\u024f"
_WORD = re.compile(rf"(?<![0-9{_LETTER}])[{_LETTER}][{_LETTER}']*(?![0-9{_LETTER}])")


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """The word lower-case without accents, a letter typed three times once (muitooo)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))
    return re.sub(r"(.)\1{2,}", r"\1", bare)


def _looked_up(words: list[str], i: int) -> tuple[str, int] | None:
    """The Japanese of the longest phrase of the lexicon at `words[i]`, and its length."""
    for size in range(min(_LONGEST, len(words) - i), 0, -1):
        key = tuple(words[i : i + size])
        if key in _WORDS:
            return _WORDS[key], size
        if size == 1 and key[0].endswith(("oo", "aa", "ee")):
            squeezed = (key[0][:-1],)  # muitoo, diaa
            if squeezed in _WORDS:
                return _WORDS[squeezed], 1
    return None


def foreign_words(text: str) -> Reading | None:
    """The message read in Japanese when Portuguese or Spanish words stand in it, else None.

    It counts when words of the lexicon that English does not share, or Portuguese and
    Spanish words of grammar (que, pra, los), outnumber English words of grammar in it:
    `please send me a catalogo` stays English.
    """
    found = list(_WORD.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    spans: list[tuple[int, int, str]] = []
    known, i = 0, 0
    while i < len(words):
        hit = _looked_up(words, i)
        if hit is not None:
            japanese, size = hit
            spans.append((found[i].start(), found[i + size - 1].end(), japanese))
            known += (japanese not in _GRAMMAR and not (size == 1 and words[i] in _ALSO_ENGLISH)
                      or (size == 1 and words[i] in _THEIR_GRAMMAR))
            i += size
            continue
        kana = to_kana(words[i]) if words[i].isascii() and words[i] not in KEEP else None
        if kana:
            spans.append((found[i].start(), found[i].end(), kana))
        i += 1
    if not known or known <= sum(w in _ENGLISH for w in words):
        return None
    if words[0] in _NO and spans and spans[0][:2] == found[0].span():
        spans[0] = (*spans[0][:2], "いいえ")  # não, ... : an answer, not a verb's negation
    return replaced(text, spans)
