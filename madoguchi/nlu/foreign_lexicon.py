"""Portuguese and Spanish phrases of shop talk and the plain Japanese a customer would write
for them, read by `madoguchi.nlu.foreign_words`.
"""

# One line a meaning: the Japanese (empty: a word of grammar, left out), then its words and
# phrases in Portuguese (Brazil, as typed in chats: vc, pra, nao) and Spanish, written
# without accents (they are taken off before a word is looked up); a line that begins with |
# goes on with the meaning above.
FOREIGN_LEXICON = """
見つかりません = no encuentro | no lo encuentro | no la encuentro | nao encontro | nao acho | nao consigo achar
メールが届きました = me llego un correo | recibi un correo | recebi um email | chegou um email
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
