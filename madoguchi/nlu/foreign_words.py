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
from dataclasses import dataclass, field
from functools import lru_cache

from madoguchi.nlu.kana import KEEP, Reading, lexicon_entries, replaced, to_kana

# One line a meaning: the Japanese (empty: a word of grammar, left out), then its words and
# phrases in Portuguese (Brazil, as typed in chats: vc, pra, nao) and Spanish, written
# without accents (they are taken off before a word is looked up); a line that begins with |
# goes on with the meaning above.
_LEXICON = """
こんにちは = oi | ola | hola | bom dia | boa tarde | boa noite | buenos dias | buenas tardes
    | buenas noches | buenas | tudo bem | tudo bom | que tal
    | oii | buen dia
おやすみなさい = vou dormir | me voy a dormir | boa noite entao | buenas noches entonces
また来ます = depois eu volto | depois volto | luego vuelvo | despues vuelvo | volto depois
さようなら = me voy | ya me voy | ja vou | vou indo | tchau | chau | chao | adeus | adios | ate mais
    | ate logo | ate amanha | hasta luego | hasta manana | nos vemos | falou
    | xau | ate breve | hasta pronto
よろしくお願いします = atenciosamente | atentamente | saludos
以上です = eso es todo | eso era todo | es todo | era todo | so isso | e isso | era isso | nada mais
    | nada mas
すみません = disculpe | disculpa | perdon | desculpa | desculpe | con permiso | com licenca
    | perdao | lo siento | sinto muito
間違えました = me enganei | me equivoque
ありがとうございます = pela paciencia | por la paciencia | por tener paciencia | me ajudou | me ayudo
    | muy amable | que amable | gracias por | agradecida | agradecido | obrigado | obrigada
    | obrigadao | valeu | muito obrigado | muito obrigada | gracias | muchas gracias | mil gracias
    | agradeco | agradezco
    | obg | vlw | brigado
はい = sim | si | isso mesmo | certo | claro | pode ser | beleza | blz | exato | exatamente
    | com certeza | de acuerdo | exacto | correcto | eso es | esta bien | perfeito | perfecto
    | ta bom | combinado | muy bien
いいえ、大丈夫です = nao precisa | nao obrigado | nao obrigada | no gracias | no hace falta | no es necesario
もういいです = deixa pra la | esquece | esquece isso | olvidalo | olvidelo | dejalo | ya no lo necesito
    | nao preciso mais | no importa
また今度にします = depois eu vejo | depois vejo | luego lo veo | otro dia | outro dia | mas tarde
    | mais tarde
お願いします = por favor | porfa | pfv | pf
    | porfavor | pfvr
カタログ = catalogo | catalogos | catalog | catalogue | folheto | revista | folleto
紙の = de papel | impresso | impreso
送ってください = mandar | manda | mande | me manda | enviar | envia | envie | me envia | mandame | enviame
    | mandan | mandam
ほしいです = quero | queria | gostaria | preciso | quiero | quisiera | necesito | me gustaria
知りたいです = quero saber | quiero saber
教えてください = me diz | me diga | digame
質問 = duvida | duda | pergunta | pregunta
確認 = confirmar | verificar
注文 = pedido | pedidos | compra | encomenda | orden
荷物 = pacote | caixa | caixas | paquete | caja | cajas | encomiendas
配達 = entrega | entregar | entregas | reparto
届きました = llegaron | chegaram | chegou | llego | recebi | recibi | veio | vino
    | entregaram | entregaron
届きますか = chega | chegar | vai chegar | llega | llegar | va a llegar
届いていない = no llega | no llegan | no llegaron | nao chega | nao chegaram | nao chegou ainda
    | nao recebemos | nao chegou | nunca chegou | ainda nao chegou | nao veio | nunca veio
    | nao recebi | no llego | nunca llego | todavia no llega | no ha llegado | aun no llega
    | no recibi | no me llego
    | nao foi entregue | no fue entregado
間に合わない = nao vai dar tempo | nao da tempo | no llega a tiempo
ずいぶん前に = faz tempo | faz muito tempo | hace tiempo | hace mucho
待っています = esperando | aguardando | espero
    | aguardo | to esperando
ちょっと待ってください = um momento | un momento
注文した荷物はどこですか = cade meu pedido | cade minha encomenda | onde esta meu pedido
    | onde esta minha encomenda | donde esta mi pedido | donde esta mi paquete
注文状況 = status do pedido | estado del pedido
配達中 = saiu para entrega | en camino
紛失 = extraviado | se perdio
不在でした = nao estava em casa | no estaba en casa
再配達 = reentrega
玄関前に置いて = deixar na porta | deixaram na porta | dejar en la puerta
ドア = porta | puerta
配達員 = entregador | repartidor | carteiro | cartero
失礼な = grosso | grosero | mal educado
何日も経ちます = ja faz dias | faz dias | hace dias | ya hace dias | faz uma semana | hace una semana
まだ = ainda | todavia | aun
ない = nao | nunca | nem | tampoco
    | naum
気に入りません = nao gostei | nao gostou | no me gusto | no le gusto
気に入らない = nao gosto | no me gusta | nao gostamos
気に入りました = gostei | adorei | me gusto
気に入る = gostar
できますか = pode | posso | podem | da pra | tem como | e possivel | se puede | puede | pueden | puedo
    | es posible
頼んだ = pedi | pedimos | encomendei | solicite 
注文した = comprei | compramos | compre | ordene
    | fiz um pedido | hice un pedido
注文したい = encomendar
買いたい = comprar
発送されましたか = ya salio | ja saiu | salio | saiu | despacharon | enviado | enviaram | mandaram
    | foi enviado | ja foi | enviaron | mandaron
どこですか = onde | cade | onde esta | donde | donde esta
いつ = quando | cuando | que dia
    | qdo
追跡 = rastreio | rastreamento | rastrear | seguimiento | rastreo
追跡番号 = codigo de rastreio | numero de seguimiento
送料 = frete | envio | custo de envio | taxa de entrega | costo de envio | gastos de envio
    | valor do frete | costo del envio
いくらですか = quanto | quanto custa | quanto e | quanto fica | cuanto | cuanto cuesta | cuanto es | preco
    | precio | valor
何日かかりますか = quantos dias | quanto tempo | prazo | cuantos dias | cuanto tiempo | demora quanto
    | quanto demora | cuanto tarda
速達 = sedex | envio expresso
当日 = mesmo dia | mismo dia
何時まで = ate que horas | hasta que hora
時間帯 = horario de entrega | horarios | franja horaria
クール便 = refrigerado | refrigerada | envio refrigerado
冷凍 = congelado | congelada
冷たい = frio | fria
海外 = exterior | brasil | peru | sao paulo | rio de janeiro | lima | bolivia | argentina | portugal
    | espanha | espana | ems | estrangeiro | extranjero
贈りたい = regalar | para regalar | dar de presente
ギフト = presente | presentes | regalo | regalos | lembrancinha | mimo
    | obsequio
包装 = papel de regalo | embrulho | embrulhar | embalagem | papel de presente | envolver | envoltorio
    | empaque
    | embalagem de presente
紙袋 = sacola | bolsa de papel
メッセージカード = cartao | cartao de mensagem | tarjeta | tarjeta de mensaje
家族 = familia | esposa | marido | mae | pai | sogra | sogro | filho | filha | suegra | suegro | hijo
    | hija
上司 = chefe | jefe
友達 = amigo | amiga | colega | amigos
お客さん = cliente | clientes
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
    | bolacha | galleta
和菓子 = doce japones | dulce japones
商品 = produto | producto
在庫 = estoque | disponible
売り切れ = esgotado | agotado
卸 = atacado | por mayor | al por mayor
転売 = revenda | reventa
店 = loja | tienda
おすすめ = recomenda | recomendacao | recomienda | recomendacion | mais gostoso | mas rico | o melhor
    | el mejor
どれが人気ですか = cual es el mas | qual e o mais | cual | qual
人気 = mais vendido | popular | famoso
冷蔵庫 = geladeira | refrigerador | nevera | heladera
常温 = fora da geladeira | fuera del refrigerador | temperatura ambiente
賞味期限 = cuantos dias dura | quanto tempo dura | dura cuanto | cuanto dura | validade
    | prazo de validade | vencimento | dura quanto | vencimiento | caducidad | dura mais
    | data de validade | fecha de vencimiento
賞味期限切れ = vencido | caducado
保存方法 = como conservar
アレルギー = alergia | alergico | alergica | alergenos
乳 = leite | leche
卵 = ovo | huevo
小麦 = trigo
落花生 = amendoim | cacahuate
えび = camarao | camaron
グルテンなし = sem gluten | sin gluten
砂糖不使用 = sem acucar | sin azucar
原材料 = ingredientes | ingrediente | contem | contiene
なし = sem | sin
アルコール = alcool | licor
砂糖 = acucar | azucar | diabetes | diabetico
味 = sabor | sabores | gosto
変な味 = sabor estranho | sabor raro
腐っている = podre | podrido
カビ = mofo | mohoso
溶けていました = derreteu | derretido | se derritio
体調を崩しました = passei mal | me hizo mal
食べました = comi | comimos
足りない = faltando | faltou | faltan
写真 = foto
キャンセル = cancelar | cancela | cancelamento | cancelacion | anular
    | cancelei | cancelado
変更したい = muda | mude | mudem | mudar | trocar | alterar | mudanca | troca | cambiar | cambio
    | modificar
    | alteracao | modificacion
追加 = adicionar | acrescentar | agregar | anadir | mais uma
配送業者 = transportadora | empresa de envio | paqueteria
手数料 = taxa | tarifa | comision
仕事 = trabajo | trabalho | emprego
    | empleo | trabajar
求人 = vagas
住所 = endereco | direccion | domicilio
郵便番号 = cep | codigo postal
日付 = data de entrega | dia de entrega | fecha
名前は = mi nombre es | meu nome e | me chamo | me llamo
名前 = nome | nombre | meu nome | mi nombre
電話 = telefone | telefono | celular | ligar | llamar | ligacao | llamada
番号 = numero | numero do pedido | numero de pedido
電話番号 = numero de telefone | numero de telefono
登録した電話番号 = telefone cadastrado | telefono registrado
忘れました = esqueci | olvide
どうしよう = meu deus | nossa senhora | dios mio | ay dios
    | e agora
話したい = hablar | falar | conversar | hablando | falando | prefiero hablar | prefiro falar
教えたくない = nao vou passar | nao vou dar | nao passo | nao vou falar | no voy a dar | no lo voy a dar
    | no te lo doy | no quiero dar | no te voy a dar | no le voy a dar | no se lo voy a dar | no te lo voy a dar
    | nao vou te dar | nao vou te passar | prefiro nao passar | prefiro nao dar | nao dou
    | eu nao dou | nao passo mesmo | prefiero no darlo | no lo doy | no doy
    | nao quero passar | nao quero dar | prefiero no dar | no quiero darlo
個人情報 = dados pessoais | datos personales
私が誰か分かるでしょう = ya sabes quien soy | ya saben quien soy | sabe quem eu sou | voce sabe quem eu sou
    | vc sabe quem eu sou
なんで聞くの = pra que isso | para que isso | para que es eso | pra que serve | para que sirve
    | pra que precisa | para que lo necesitan
人に代わってください = me passa | passa pra | me passe | me pasa con | paseme con | pasame con
    | comunicame con | me comunica con | passar pra alguem | passar para alguem | passa pra alguem
    | pasarme con alguien | pasame con alguien
人を呼んでください = chama alguem | chame alguem | llame a alguien | llamen a alguien
呼んで = chamar | chama
オペレーター = operador | operadora | asesor
担当者 = encargado | responsavel | gerente
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
分かりません = nao sei | nao entendi | no entendi | no lo se
説明が分かりません = nao entendi a resposta | nao entendi sua resposta | nao entendi a explicacao
    | no entendi la respuesta | no entendi su respuesta | no entendi la explicacion
分かりました = entendi | entendido
分かります = entendo | entiendo | comprendo
分かる = entender | entiende
分かっていない = nao entende | no entiende
ロボット = computador | computadora | programa | robo | robot | maquina | chatbot | automatico
    | automatica
あなたは誰ですか = quem e voce | quien eres
あなたは = voce e | vc e | eres | usted es | e voce
対応が悪い = mal servicio | mal atendimento | mau atendimento | mal atendimiento | atendimento ruim
    | servico ruim | servicio malo
悪い = mal | mau | ruim | malo | mala
対応 = servicio | atendimento | atencion | servico
最悪 = porcaria | porqueria | pessimo | pessima | horrivel | lixo | pesimo | pesima | horrible
    | terrible
ひどい = absurdo | palhacada | vergonha | falta de respeito | sacanagem | que absurdo | una verguenza
    | falta de respeto | inaceptable | inaceitavel
    | ridiculo | inadmisible
がっかりしました = decepcionado | decepcionada
不満です = insatisfeito | insatisfecho
もう買いません = nunca mais compro | no vuelvo a comprar
詐欺 = golpe | estafa
と書いてあります = dice | diz | dizia | decia | esta escrito | ta escrito
黒白の = preto e branco | negro y blanco | blanco y negro | cinta negra y blanca | fita preta e branca
紅白の = vermelho e branco | rojo y blanco | blanco y rojo | cinta roja y blanca
退職 = jubilacion | aposentadoria | se jubila | se aposenta
どうしたらいいかわからない = no se que mas hacer | ya no se que hacer | ya no se que mas hacer | nao sei mais o que fazer
    | nao sei mais oque fazer
やっぱりやめておきます = mejor lo dejo | lo dejo asi | mejor no | melhor deixar | melhor deixar pra la
前にだまされかけた = cai num golpe | quase cai num golpe | cai em golpe | cai en una estafa | casi caigo en una estafa
怒っています = molesta | molesto | enojada | enojado | bravo | brava | irritado | irritada | furiosa
    | furioso | indignada | indignado
    | chateado | chateada | que raiva
うんざりです = harto | cansei
いい加減にして = ya basta | basta
いつも = siempre me | sempre me
三回目 = tercera vez | terceira vez | tres veces | tres vezes
なぜ = por que | porque atrasou | por que atrasou
何があったんですか = o que aconteceu | que paso | que aconteceu | que ha pasado
苦情 = reclamacao | reclamar | queixa | queja | reclamo | quejarme
    | reclamei | quejas
遅れて届きました = llego tarde | llegaron tarde | llego atrasado | llego con retraso | chegou atrasado
    | chegou tarde | chegaram atrasados | chegou com atraso
遅い = demora | demorou | atrasou | atrasa | atrasado | atrasada | atraso | tarde demais | lento
    | demoro | retraso | retrasado
遅れた = atrasar | atrasaram | se atraso | se retraso | retrasaron | demoraram | tardaron
遅れています = atrasando | demorando
返事がない = ninguem responde | ninguem me responde | sem resposta | nadie responde | sin respuesta
助けてください = ayudeme | ayudenme | me ayuda por favor | socorro | me ajuda | me ajude | ajuda | ajudem
    | ayuda | ayudame | auxilio | por favor me ajuda
手伝って = ajudar | me ajudar | ayudar | ayudarme
不安です = tengo miedo | estoy con miedo | to com medo | estou com medo | llorando | chorando | nerviosa
    | ansiosa | ansioso
悲しいです = que triste | estoy triste
どうしたらいいですか = que hago | que faco | o que eu faco | que puedo hacer
困っています = desesperado | desesperada | nervoso | nervosa | preocupado | preocupada | aflito | aflita
    | nao sei o que fazer | no se que hacer | angustiado | angustiada
    | estou perdida | estoy perdida
急ぎません = no hay prisa | nao ha pressa | nao tem pressa | no hay apuro | sin apuro | sem pressa
    | sin prisa | nao tenho pressa | no tengo prisa | sem urgencia | no es urgente | nao e urgente
    | nao precisa ser rapido
急いでいます = urgente | pressa | com pressa | rapido | rapida | correndo | apurado | prisa | urgencia
    | lo antes posible
    | emergencia | es urgente
今日必要です = preciso pra hoje | necesito para hoy
必要 = precisar | precisa | precisam | necesita | necesario | necessario
必要ですか = obrigatorio | obrigatoria | obligatorio | obligatoria
特別にお願いします = excecao | excepcion | faz essa excecao | hagan una excepcion
先にしてください = primero en la lista | antes que los otros | antes dos outros | prioridade | prioridad
    | me pongan primero | passar na frente
なんとかしてください = da um jeito | de um jeito | haga algo | hagan algo | resolve isso | resuelvan
追加料金を払います = eu pago a mais | pago a mais | pago extra | pago mas
常連です = cliente antigo | cliente antiguo | cliente de siempre | sempre compro | siempre compro
    | compro todo ano | compro cada ano
同じ送料にしてください = o mesmo frete | mesmo frete | cobrar o mesmo | el mismo envio | el mismo costo de envio
    | cobrar lo mismo
無料にしてください = de graca | gratis | sem frete | frete gratis | envio gratis | sin costo
お金 = dinero | dinheiro | plata | grana
割引 = desconto | descontinho | descuento | promocao | promocion | mais barato | mas barato
返品 = devolver | devolucao | devolucion | trocar o produto
    | devolvi | devolvo | devoluciones
二重に支払いました = pague dos veces | paguei duas vezes | cobraron dos veces | cobrado duas vezes
    | cobraram duas vezes | pague doble | pagamento duplicado | pago doble
学生 = estudiante | estudante | universitario
時間 = hora | horario | horas
返金 = devolver el dinero | devolver o dinheiro | regresen el dinero | reembolso | dinheiro de volta
    | estorno
    | reembolsar | devolvam o dinheiro
支払い = forma de pagamento | forma de pago
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
    | faleceram | fallecieron
法事 = missa | missa de setimo dia | luto | velorio | funeral | enterro | memorial
    | aniversario de morte
    | velatorio | sepelio | entierro | aniversario de fallecimiento
喪中 = de luto | en duelo
お悔やみ = condolencias | pesames | sentido pesame | meus pesames
お墓 = cemiterio | cementerio
お線香 = incenso | incienso
お供え = oferenda | ofrenda
結婚式 = casamento | boda | casamiento
    | bodas
誕生日 = aniversario | cumpleanos
出産祝い = nascimento | nacimiento
お礼 = agradecimento | agradecimiento
お詫び = pedir desculpas | pedir disculpas
お歳暮 = fim de ano | fin de ano
    | final de ano
母の日 = dia das maes | dia de la madre
今日 = hoje | hoy
    | hj
明日 = amanha | manana
昨日 = ontem | ayer
今夜 = hoje a noite | esta noite | esta noche
午前中 = de manha | por la manana
午後 = de tarde | por la tarde
月曜日 = segunda | segunda feira | lunes
火曜日 = terca | terca feira | martes
水曜日 = quarta | quarta feira | miercoles
木曜日 = quinta | quinta feira | jueves
金曜日 = sexta | sexta feira | viernes
土曜日 = sabado
日曜日 = domingo
週末 = fim de semana | fin de semana
営業日 = dias uteis | dias habiles
先週 = semana pasada | semana passada | la semana pasada
今週 = essa semana | esta semana
来週 = semana que vem | proxima semana | semana que viene
天気 = clima
雨 = chuva | chovendo | vai chover | lluvia
寒い = faz frio | hace frio
暑い = quente | caliente | que calor
サッカー = futebol | futbol
選ぶ = escolher | escolhi | elegir | elegi
選択肢 = opcoes | opciones
日 = dias | dia
週間 = semana | semanas
私の = meu | minha | meus | minhas | mi | mio | mia | mis
中止になりました = se suspendio | se cancelo | fue cancelado | fue cancelada | foi cancelado | foi cancelada
    | foi suspenso | foi suspensa
イベント = evento | eventos | fiesta | festa
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
    | tenho | temos | tenemos | tienen
"""


_WORDS = lexicon_entries(_LEXICON)
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
ENGLISH_GRAMMAR = _ENGLISH = {
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
    `please send me a catalogo` stays English. A message that mixes the languages clause by
    clause (no te voy a dar el número. you have my data) is read clause by clause: its
    English clauses stay as written, its Portuguese and Spanish ones are read.
    """
    found = list(_WORD.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    clauses = [_read(found, words, lo, hi) for lo, hi in _clauses(text, found)]
    known, english = sum(c.known for c in clauses), sum(c.english for c in clauses)
    if known > english:  # the message is theirs: every clause read but an English one
        read = [c for c in clauses if not c.english_only]
    else:  # the message is English: only a clause plainly theirs is read (not Tagalog's pero),
        # and in the others their unmistakable phrases (so this time frete grátis pls)
        read = [c for c in clauses if c.known > c.english and c.words_known >= 2]
        read += [_Clause(c.plain, 1, 2, 0, 0) for c in clauses if read and c not in read and c.plain]
        if not read and words[0] in _NO - {"no"}:  # nao, no thanks: their no before English
            return replaced(text, [(*found[0].span(), "いいえ")])
    spans = sorted(span for clause in read for span in clause.spans)
    if not spans or not any(c.known for c in read):
        return None
    dates = [(m.start(), m.end(), _date_read(m)) for m in _DATE.finditer(text)]  # 3 de dezembro: 12月3日
    spans = sorted([*dates, *(s for s in spans if not any(s[0] < b and a < s[1] for a, b, _ in dates))])
    if words[0] in _NO and spans[0][:2] == found[0].span():
        spans[0] = (*spans[0][:2], "いいえ")  # não, ... : an answer, not a verb's negation
    return replaced(text, spans)


def their_phrases(text: str) -> Reading | None:
    """Their unmistakable phrases read in a message otherwise English or romaji (so this
    time frete grátis pls, and 10% desconto): a phrase of several words, or a long word, that
    English does not share. None when it holds none."""
    found = list(_WORD.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    spans = [span for lo, hi in _clauses(text, found) for span in _read(found, words, lo, hi).plain]
    return replaced(text, spans) if spans else None


_MONTHS = (
    ("janeiro", "enero"), ("fevereiro", "febrero"), ("marco", "marzo"), ("abril",), ("maio", "mayo"),
    ("junho", "junio"),
    ("julho", "julio"), ("agosto",), ("setembro", "septiembre", "setiembre"), ("outubro", "octubre"),
    ("novembro", "noviembre"), ("dezembro", "diciembre"),
)
_MONTH_OF = {name: number for number, names in enumerate(_MONTHS, 1) for name in names}
# A day and its month (3 de dezembro, el 24 de diciembre), or a day alone after dia (dia 20).
_DATE = re.compile(
    r"(?i)(?:(?<![a-z])dia\s+)?(?<![0-9])([0-9]{1,2})\s*(?:de\s+)?("
    + "|".join(sorted(_MONTH_OF, key=len, reverse=True)).replace("marco", "mar[cç]o")
    + r")(?![a-z])|(?<![a-z])dia\s+([0-9]{1,2})(?![0-9])"
)


def _date_read(match: re.Match[str]) -> str:
    """A date of `_DATE` as Japanese writes it (12月3日, 20日)."""
    if match.group(3):
        return f"{match.group(3)}日"
    return f"{_MONTH_OF[_plain(match.group(2))]}月{match.group(1)}日"


# Where one clause ends and the next begins, between two words.
_CLAUSE_END = re.compile(r"[.!?;,。！？、，\n]")


def _clauses(text: str, found: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The message's words cut into clauses at punctuation: (first, last + 1) of each; a no
    alone stays with what follows it (no, gracias: いいえ、大丈夫です)."""
    no_first = _plain(found[0].group()) in _NO
    cuts = [
        i for i in range(1, len(found))
        if _CLAUSE_END.search(text, found[i - 1].end(), found[i].start()) and not (i == 1 and no_first)
    ]
    return list(zip([0, *cuts], [*cuts, len(found)]))


@dataclass
class _Clause:
    """A clause's words read: the spans to replace, the evidence of Portuguese or Spanish in
    it, and its English words of grammar."""

    spans: list[tuple[int, int, str]]
    known: int
    words_known: int  # the words of the lexicon's phrases that say so, a phrase's every word
    english: int
    romaji: int  # the words read in kana
    plain: list[tuple[int, int, str]] = field(default_factory=list)  # phrases no English writer uses

    @property
    def english_only(self) -> bool:
        """English words of grammar, nothing of theirs, and few words romaji (look it up
        yourself; not hito to hanashitai desu)."""
        return bool(self.english) and not self.known and 2 * self.romaji <= self.english + self.romaji + 1


def _read(found: list[re.Match[str]], words: list[str], lo: int, hi: int) -> _Clause:
    """The words `lo` to `hi` read: a phrase of the lexicon as its Japanese, a romaji word in kana."""
    spans: list[tuple[int, int, str]] = []
    plain: list[tuple[int, int, str]] = []
    known, words_known, romaji, i = 0, 0, 0, lo
    while i < hi:
        hit = _looked_up(words[:hi], i)
        if hit is not None:
            japanese, size = hit
            spans.append((found[i].start(), found[i + size - 1].end(), japanese))
            theirs = (japanese not in _GRAMMAR and not (size == 1 and words[i] in _ALSO_ENGLISH)
                      or (size == 1 and words[i] in _THEIR_GRAMMAR))
            known, words_known = known + theirs, words_known + theirs * size
            if theirs and words[i] not in _THEIR_GRAMMAR and (size > 1 or len(words[i]) >= 6):
                plain.append(spans[-1])
            i += size
            continue
        kana = to_kana(words[i]) if words[i].isascii() and words[i] not in KEEP else None
        if kana:
            spans.append((found[i].start(), found[i].end(), kana))
            romaji += 1
        i += 1
    return _Clause(spans, known, words_known, sum(w in _ENGLISH for w in words[lo:hi]), romaji, plain)
