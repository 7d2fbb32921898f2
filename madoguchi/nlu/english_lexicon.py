"""English phrases of shop talk and the plain Japanese a customer would write for them.

Read by `madoguchi.nlu.english_words`, in the format of the Portuguese and Spanish lexicon of
`madoguchi.nlu.foreign_words` (one meaning a line; a line beginning with | goes on with it).
"""

ENGLISH_LEXICON = """
担当の方 = someone from your team | someone from the shop | someone from your shop | one of your staff | customer service
    | customer support
連絡してください = get back to me | contact me | call me back
もう一度送ってください = send it again | resend it | send another one | send one again | send me another one
まだ届いていない = and nothing | still nothing | nothing came | nothing arrived | nothing yet | and nothing arrived
    | nothing has arrived | nothing has come | nothing's arrived | nothing has turned up | it never turned up
    | and nothing came
電話を途中で切られました = hung up on me | hung up on us | hang up on me | hangs up on me
誰かいますか = anyone there | are you there
さようなら = bye | goodbye | bye bye | see you | see ya | good night
よろしければ = if that's all right | if that's alright | if it's all the same | if that's ok | if that's okay
失礼します = have a nice day | take care | have a good day | gotta go
また来ます = come back another day | come back later | get back to you later | i'll be back
相談してみます = talk it over | think it over
返品して返金してほしい = send them back for a refund | send it back for a refund | return them for a refund
    | return it for a refund
以上です = that's all | thats all | nothing else | that's it | thats it | that is all | nothing more
よろしくお願いします = regards
ありがとうございます = thank you | thanks | thx | many thanks | thank u | thankyou | thanx | ty | appreciate it | much appreciated
助かりました = very helpful | that helps
すみません = sorry | excuse me | i apologize | i apologise | my apologies
すみませんが = i'm afraid | im afraid | i am afraid
間違えました = my mistake | typo
ちょっと待ってください = hold on | one moment | just a moment
はい = yes | yeah | yep | sure | ok | okay | alright | of course | yup | that's right | thats right | that's correct
はい、お願いします = yes please | please do | go ahead | yes pls | let's do that
お願いします = please | pls | kindly
できますか = is it possible | is possible
それで大丈夫です = that's fine | thats fine | sounds good | no problem | not a problem | that's ok | thats ok | that's okay
    | it's fine | its fine
いいえ = nope | nah | not really | absolutely not
違います = incorrect | that's not right | thats not right
いいえ、大丈夫です = no thanks | no thank you | no need | i'm good | im good | i'm fine | im fine | don't need it | dont need it
    | not needed
今はいいです = not now | maybe later | not right now | not today
もういいです = never mind | nevermind | forget it | forget about it | don't bother | dont bother | doesn't matter
    | doesnt matter | nvm
分かりました = i see | got it | understood | makes sense
分かりません = i don't know | i dont know | not sure | no idea
説明が分かりません = i didn't understand your answer | i didnt understand your answer | i don't understand your answer
    | i dont understand your answer | i don't understand the answer | i didn't understand the answer
意味が分かりません = i don't understand | i dont understand | i didn't understand | i didnt understand | what do you mean | i don't get it | i dont get it
    | don't understand | dont understand | doesn't make sense
日本語がわからない = i don't speak japanese | i dont speak japanese
英語で = in english | do you speak english | english please
教えてください = tell me | please tell me | let me know | can you help me | could you help me | can i know | please advise
質問があります = i have a question
助けてください = help me | please help | help please | i need help
送ってください = send me
カタログ = catalogs | paper catalog | brochure | catalogue | catalouge | pamphlet | catalog
カタログを送ってください = send me a catalog | send me the catalog | send me your catalog | can i get a catalog
    | request a catalog | send me a catalogue | send me the catalogue | can i get a catalogue | can i have a catalog
    | i want a catalog | i'd like a catalog
カタログを頼んだ = requested a catalog | requested the catalog | asked for a catalog | asked for the catalog
    | asked for a catalogue | ordered a catalog | i ordered a catalog | i ordered the catalog
カタログがまだ届かない = catalog never came | never got the catalog | still no catalog | where is my catalog | catalogue never came
    | catalog didn't come | catalog didnt come | catalog not come | catalog hasn't arrived | catalog hasnt arrived
    | never received the catalog | didn't get the catalog | didnt get the catalog | where is the catalog
    | where's the catalog | wheres the catalog
はがき = postcard | post card
はがきで = by postcard | by post card
注文した荷物はどこですか = where is my order | where's my order | wheres my order | where is my package
    | where's my package | wheres my package | where is my parcel | where's my parcel | wheres my parcel
    | where is my oder | wheres my oder | where my order | where my parcel | where my package | where is my stuff
    | wheres my stuff | where is my delivery | where's my delivery | wheres my delivery
注文した荷物はどうなっていますか = what happened to my order | what happened to my parcel | what's going on with my order
注文状況を知りたい = order status | any update | any updates | status of my order | what's the status | whats the status
追跡番号 = tracking number | traking number
追跡 = tracking | track my order | track my parcel
届いていない = hasn't arrived | hasnt arrived | haven't received | havent received | didn't receive | didnt receive
    | not turned up | hasn't turned up | hasnt turned up | it's not turned up | still not turned up
    | didn't arrive | didnt arrive | didn't get | didnt get | never arrived | never came | still not here
    | not arrived | not delivered | not here yet | did not arrive | did not receive | not received | haven't gotten
    | hasn't come | hasnt come | didn't come | didnt come | not come | not arrive | not receive | not yet arrived
    | didnt recieve | didn't recieve | never recieved | haven't recieved | not recieved | never showed up
    | hasn't shown up | no sign of it
まだです = not yet | still now
今まで = till now
待っています = still waiting | been waiting
何日も経ちます = for days | for weeks | been ages | for ages | been so long | long time already
1週間経ちます = been a week | already a week
1週間以上経ちます = over a week
2週間経ちます = been two weeks
2週間前 = two weeks ago
1週間前 = a week ago | one week ago
週間前 = weeks ago
日前 = days ago
数日前 = few days ago | a few days ago
いつ届きますか = when will it arrive | when will i get it | eta | when will it come | when does it arrive
    | when will my order arrive | when will i receive | when can i get it | when it arrive | when arrive
    | when is it coming | estimated delivery
発送されましたか = has it shipped | did it ship | was it sent | has my order shipped | did you ship it | was it shipped
    | has it been shipped | is it on the way
いつ発送されますか = when will you ship | when will it ship | when does it ship
発送済み = already shipped | shipped
まだ発送されていない = not shipped | hasn't shipped | hasnt shipped | hasn't been shipped | hasnt been shipped
    | haven't shipped | havent shipped | before shipping
届きました = it arrived | arrived
遅れています = delayed | late | delay | taking too long | taking forever | taking so long | takes too long | so slow
紛失 = lost in the mail | got lost | lost package | lost in transit | lost my parcel | missing parcel
不在でした = wasn't home | wasnt home | missed the delivery | nobody was home | missed delivery
不在票 = delivery notice | delivery slip | missed delivery notice
再配達 = redelivery | deliver again | redeliver
玄関前に置いて = leave it at the door
配達済みになっています = says delivered | marked as delivered | shows delivered
配達員 = delivery guy | driver
配送業者 = courier | carrier | japan post
配達 = delivery | delievery
荷物 = package | parcel | pakage | parsel | shipment
発送できますか = do you ship to | can you ship to | do you deliver to | can you deliver to | can send to | can you send to
    | can ship to | can u send to | can u ship to
海外に発送 = ship overseas | ship abroad | ship internationally | international shipping | ship to the us
    | ship outside japan | deliver overseas
海外 = overseas | abroad | america | the us | outside japan
離島 = remote island | island | remote islands | islands
本州と同じ送料にしてほしい = same shipping as the mainland | same price as the mainland | same fee as the mainland
    | same rate as the mainland | same cost as the mainland | same shipping as honshu | same fee as honshu
    | same as mainland | same as the mainland | same price as mainland | same fee as mainland
    | same shipping as mainland | mainland price
送料 = shipping cost | shipping fee | postage | delivery fee | shipping charge | shiping fee
送料はいくらですか = how much is shipping | what's the shipping cost | whats the shipping cost | how much shipping
    | how much is delivery | how much is the shipping | how much to ship | what is the shipping fee
    | how much is the shipping fee | how much shipping fee | how much is shipping fee
送料無料ですか = is shipping free | is there free shipping | do you have free shipping | is delivery free
    | is there free delivery | do you have free delivery
いくらですか = how much
値段 = price
何日かかりますか = how long does it take | how many days | how long does it usually take | how long does delivery take
    | how long does shipping take | how long will it take | how long it take | how long take | how long for shipping
    | how long to arrive | how long is shipping | how long time | how many day | how much days
速達 = express | express shipping | fastest shipping | next day delivery
宅配便 = home delivery | by courier | courier's grand | courier's fine | courier is fine | courier's fine thanks
メール便 = regular mail | standard shipping | normal mail
急ぎません = no rush | no hurry | not in a hurry | not urgent | isn't urgent | isnt urgent | no need to rush
    | no need to hurry | take your time | regular mail is fine
当日発送 = same day shipping | ship today | ship it today | ship the same day
今日注文したら = if i order today
今日中に届けてほしい = same day delivery | deliver today | by tonight
何時までに注文すればいいですか = cutoff | cutoff time | order deadline
お届け日を指定したい = specify the date | specify the delivery date | choose the date
お届け日 = delivery date
時間帯 = time slot | time window
午前中 = in the morning
午後 = in the afternoon
夜 = in the evening
クール便 = refrigerated shipping | cold shipping | chilled delivery
ギフト = gift | gifts | present
ラッピング = gift wrapping | gift wrap | wrapping | gift wrapped | wrap it
ラッピングは不要です = no wrapping | don't wrap it | dont wrap it | no need to wrap | no gift wrap | no gift wrapping
のし = noshi | gift paper | noshi paper | noshigami
黒白の水引 = black and white ribbon
どののしがいいですか = which noshi | what kind of noshi
のしは不要です = no noshi | without noshi | don't need noshi | dont need noshi
表書き = inscription
何と書けばいいですか = what should i write
名入れ = name on the gift
のしが間違っていました = wrong noshi | noshi was wrong | wrong gift paper
紙袋 = paper bag | paper bags | gift bag | shopping bag | extra bag
メッセージカード = message card | add a message | message cards | include a message | include a card
個包装 = individually wrapped | individually packed | individually packaged
値段は入れないでください = hide the price | no price tag | remove the price tag
領収書 = receipt
詰め合わせ = assortment | gift set | gift box
お歳暮 = year end gift | end of year gift
お中元 = summer gift
お年賀 = new year gift | new years gift
結婚式 = wedding
結婚祝い = wedding gift
引き菓子 = wedding favors | gifts for the guests | wedding favor
お返し = return gift | return gifts
お礼 = thank you gift | thank you gifts | thanks gift
出産祝い = new baby | baby gift | had a baby
誕生日 = birthday
母の日 = mother's day | mothers day
父の日 = father's day
お見舞い = get well | in the hospital
お祝い = congratulations
退職祝い = retirement gift
法事 = memorial service | death anniversary | anniversary of her death | anniversary of his death | memorial
お葬式 = funeral
お葬式用 = for a funeral
明日がお葬式です = funeral tomorrow | funeral is tomorrow | for a funeral tomorrow
一周忌 = first year memorial
七回忌 = seventh year memorial
亡くなりました = passed away | died | passed on
亡くなった母 = late mother | late mom | late mother's | late mothers
亡くなった父 = late father | late dad | late father's | late fathers
亡くなった夫 = late husband | late husband's | late husbands
亡くなった妻 = late wife | late wife's | late wifes
お悔やみ = condolences | sympathy | condolence
ご遺族 = bereaved family
香典返し = condolence return gift
お供え = offering
仏壇 = altar
お墓 = grave
お菓子 = sweets | snacks | candy | cake
和菓子 = japanese sweets
あんこ = red bean | bean paste
お餅 = rice cake
抹茶 = green tea
ナッツ = nuts | peanuts
小麦 = wheat | gluten
卵 = egg | eggs
大豆 = soy
ごま = sesame
乳 = milk | dairy
グルテンなし = gluten free | no gluten
アルコールなし = alcohol free | no alcohol
卵なし = egg free
乳なし = dairy free
ナッツなし = nut free
砂糖不使用 = sugar free
甘さ控えめ = not too sweet | low sugar
添加物 = additives
ヴィーガン = vegan
ハラール = halal
ハラールですか = is it halal
豚肉 = pork
ゼラチン = gelatin
ベジタリアン = vegetarian
アレルギー = allergy | allergies | allergic | allergens | alergy | allergen
ナッツアレルギー = nut allergy
卵アレルギー = egg allergy
乳アレルギー = milk allergy
小麦アレルギー = wheat allergy | gluten allergy | celiac
原材料 = ingredients | what's in it | whats in it | what's inside | what is in it | ingredient | ingrediants | made from
入っていますか = does it contain | does this contain | do they contain | do these contain
アルコールは入っていますか = does it contain alcohol | any alcohol
入っています = contains | it contains
賞味期限 = shelf life | expiry date | best before | expiration | expiry
日持ちしますか = how long does it keep | how long does it last | how long will it last | how long do they keep
    | how long can i keep | how long it keep | how many days does it keep | how many days it keep
    | how long is the shelf life | how long is it good for | will it keep
賞味期限切れ = expired
保存方法 = how to store | how should i store | how do i store
冷凍できますか = can i freeze
冷蔵庫 = fridge | refrigerator
常温 = room temperature
おすすめ = recommend | what do you recommend | what do you suggest | any suggestions | recommendation
人気 = best seller | most popular | best selling | bestseller | what's popular
売り切れ = sold out | out of stock | not in stock
在庫はありますか = in stock | is it available
再入荷 = back in stock
商品 = product | item
何個入りですか = how many pieces | how many in a box
味 = taste | flavor
変な味 = tastes weird | tastes strange | tastes off | tasted weird | tasted off
変なにおい = smells bad | smells weird | smelled bad | smelled weird
腐っている = spoiled | rotten
カビ = mold | moldy
体調を崩しました = got sick | food poisoning
おいしい = delicious
注文したい = i want to order | i'd like to order | id like to order | place an order | want to buy | i'd like to buy
    | how do i order | can i order
注文した = i ordered | we ordered | already ordered | i placed an order | i made an order | i've ordered | i orderd
    | i bought
電話で注文しました = i ordered by phone | ordered by phone | ordered over the phone | phone order | i called to order
はがきで注文しました = ordered by postcard
いつも注文していました = used to order
注文 = my order | my oder
注文番号 = order number | order no | my order number | oder number | order id | reference number | my oder number
注文番号はどこに書いてありますか = where do i find the order number | where can i find the order number | where is the order number
    | where's the order number | where is my order number | where's my order number | where is it written
    | where my order number
電話番号 = phone number | telephone number
登録した電話番号 = registered phone number | registered number
電話番号が変わりました = changed my phone number | new phone number | changed my number | new number
前の電話番号 = old number
電話を持っていません = don't have a phone
名前は = my name is
住所 = address | adress
郵便番号 = postal code | zip code
注文確認メール = confirmation email
確認メールが届いていない = no confirmation email | didn't get an email
支払い = payment
代引きできますか = cash on delivery | pay on delivery | pay when it arrives
支払い方法 = payment method | how can i pay
支払い済みです = already paid
返金 = refund | money back
注文をキャンセルしたい = cancel my order | cancel the order | i want to cancel | cancel it | cancel my oder | cancel order
    | want to cancel | wanna cancel | i'd like to cancel | id like to cancel | need to cancel | please cancel
キャンセル = cancel | cancelled | canceled | cancle
キャンセルしないでください = don't cancel | dont cancel | do not cancel
キャンセルしていません = didn't cancel | didnt cancel | did not cancel
キャンセルできますか = can i cancel
キャンセルしたくない = don't want to cancel | dont want to cancel | do not want to cancel | don't need to cancel
    | dont need to cancel
注文を変更したい = change my order | change the order | change my oder | modify my order | update my order
住所を変えたい = change the address | change my address | change address | change our address
    | change adress | change the adress | change my adress
    | change delivery address | change the shipping address | update my address
住所を間違えました = wrong address | wrong adress
引っ越しました = i moved | we moved
お届け日を変えたい = change the date | change the delivery date | reschedule | move the date | move the delivery
    | change delivery date | change the day
配達日を遅らせてください = push the delivery back | push it back | postpone | delay the delivery | deliver later | deliver it later
お届け日を早めたい = deliver earlier
時間帯を変えたい = change the time
届け先を変えたい = change the recipient
別の住所に送りたい = send it to a different address | send to a different address | send directly to
追加したい = add to my order | add one more | add another
発送を止めてください = don't ship it | dont ship it | don't send it | dont send it
壊れていました = broken | damaged | arrived damaged
潰れていました = crushed | dented | smashed | squashed
箱が潰れていました = box was crushed | box was damaged
崩れていました = falling apart | crumbled
濡れていました = got wet | kinda wet | was wet | were wet | is wet | soaked | was damp
漏れていました = leaked | leaking
溶けていました = melted
入っていませんでした = is missing | was missing | were missing | are missing | wasn't in the box | wasnt in the box
    | one item missing
違う商品が届きました = sent the wrong | sent me the wrong | got the wrong | received the wrong | not what i ordered
間違った商品 = wrong item | wrong product | wrong flavor | wrong flavour
間違えて選びました = chose the wrong | picked the wrong | selected the wrong | clicked the wrong | ordered the wrong
頼んでいない = didn't order this | didnt order this
私宛てではありません = addressed to someone else | isn't addressed to me | not addressed to me | wrong address on the label
他の人の荷物 = someone else's package | someone elses package | someone else's parcel | someone elses parcel
    | someone else's box | someone elses box | not my package | not my parcel
違う家に届いた = the wrong house | neighbor got it | neighbour got it | delivered to my neighbor
    | delivered to my neighbour
写真 = photo | photos | picture
交換してほしい = replacement | exchange
返品 = return it | send it back | returns
少し食べました = ate some | ate one | ate half
食べました = ate it | already ate
口に合わなかった = didn't like it | didnt like it
開けたら = when i opened
開けてしまいました = already opened
怒っています = upset | angry | furious | mad | pissed off | annoyed | irritated | pissed | frustrated
腹が立ちます = annoying | frustrating
うんざりです = fed up | sick of this | tired of waiting | had enough
ひどい = ridiculous | unacceptable | outrageous | awful | pathetic | not cool | not acceptable | terrible | horrible
    | not ok
最悪 = worst | useless | garbage
対応が悪い = bad service | poor service | bad customer service | terrible service | awful service
対応が最悪です = worst service
失礼な = rude
がっかりしました = disappointed | disappointing | let me down | not impressed
ちょっと残念です = a bit disappointed | a little disappointed | kind of disappointed | kinda disappointed
残念です = what a pity | that's a shame
不満です = not happy | not satisfied | unhappy | dissatisfied | not good enough
もう買いません = never again | never order again
苦情 = complaint | complain
詐欺 = scam | rip off | fraud | scammed
いい加減にして = enough is enough | are you kidding me | this is a joke | what a joke | is this a joke
信じられない = unbelievable | can't believe this | cant believe this
なんなんですか = what the hell | wtf
何回言えばいいんですか = how many times | i already told you | told you already | already said | i keep asking | i've told you
    | said already
同じことを何度も聞かないでください = you keep asking | you already asked
二回目 = second time
三回目 = third time
また起きました = happened again | not the first time
返事がない = no reply | no response | never heard back | nobody replied | no one replied | nobody answered | no one answered
    | no answer | never replied | didn't reply | didnt reply | didn't respond | didnt respond | didn't answer
    | didnt answer | ignored me | nobody called back | no one called back | never called back | didn't call back
    | didnt call back | nobody got back to me | nobody picks up | didn't get a reply | didnt get a reply
謝ってください = an apology | apologize to me | want an apology | you should apologize
補償してください = compensation
責任者 = manager | supervisor | person in charge
責任者と話したい = speak to the manager | talk to the manager | speak to a manager | talk to a manager | speak to a supervisor
なんとかしてください = fix this | do something | do the needful
何があったんですか = what happened
問題があります = problem | an issue
困っています = panicking | freaking out | at a loss | in trouble | desperate | i don't know what to do
    | at a complete loss | at a total loss | terribly flustered | so flustered
    | i dont know what to do | panicing | don't know what to do | dont know what to do | at my wits end | in a bind
    | stressed out
どうしよう = oh no | oh my god | omg | oh god
どうしたらいいですか = what should i do | what do i do | what can i do
不安です = worried | anxious | nervous | scared | stressed | concerned
悲しいです = sad | heartbroken | devastated
泣きそうです = in tears | crying
大事な日なんです = important day | very important | big day | really important
間に合わない = won't make it | wont make it | not in time | too late | won't arrive in time | wont arrive in time
    | won't be in time | wont be in time | not gonna make it | won't arrive on time | wont arrive on time | not on time
    | miss the date
間に合いませんでした = did not arrive on time | didn't arrive on time | didnt arrive on time | didn't arrive in time
    | didnt arrive in time | did not arrive in time
間に合いますか = in time | arrive on time
までに届きますか = arrive by | get here by
急ぎです = asap | urgent | urgently | as soon as possible | in a hurry | hurry | rush | right away | immediately | emergency
    | need it fast | need it soon
急いでください = hurry up
今日必要です = need it today | need it by today
今夜必要です = need it tonight
明日必要です = need it tomorrow | need it by tomorrow
までに必要です = need it before
明日までに = by tomorrow
金曜日までに = by friday
今日 = today
今夜 = tonight
明日 = tomorrow
明後日 = day after tomorrow
昨日 = yesterday
来週 = next week
今週 = this week
先週 = last week
先月 = last month
金曜日 = friday
月曜日 = monday
火曜日 = tuesday
水曜日 = wednesday
木曜日 = thursday
土曜日 = saturday
日曜日 = sunday
今回だけ例外にしてください = make an exception | just this once | exception | special case | just this time | bend the rules
    | special treatment | do me a favor
なんとかなりませんか = isn't there any way | isnt there any way | can't you do anything | cant you do anything
値引きしてください = give me a discount | can i get a discount | lower the price | any discount | discount please
    | can you give a discount | make it cheaper | lower price | reduce the price
割引 = discount
クーポン = coupon
送料無料にしてください = free shipping | waive the fee | waive the shipping | waive the shipping fee | no shipping fee
    | waiving the shipping fee | waiving the fee | waiving the shipping | waiving the delivery fee
    | waive shipping | waive the delivery fee | free delivery | ship for free
無料にしてください = waive
無料 = free
先にしてください = put my order first | prioritize | priority | before other customers | put me first | prioritise
    | before the others | ahead of the others | skip the queue | rush my order
追加料金を払います = i'll pay extra | ill pay extra | pay extra
常連です = loyal customer | regular customer
手数料 = fee
人と話したい = talk to a person | speak to a person | talk to someone | speak to someone | talk to a human
    | a real person | real person | a human | someone who speaks english | speak with a person | talk with a person
    | live person | actual person | real human | human please | talk to somebody | talk to staff | talk to the staff
    | i want a person | need a human | human agent
話したい = talk to | speak to
人に代わってください = connect me | transfer me | put me through | pass me to
電話してほしい = call me
電話で話したい = talk on the phone | can i call you
お店の電話番号 = your phone number | call center
電話 = phone | call | telephone
人間 = human
スタッフ = staff
オペレーター = operator | agent | representative
ロボットですか = are you a bot | are you a robot | is this a bot | is this a robot | am i talking to a machine
    | are you human | are you a human | are you real | are you a real person | is this a real person
    | am i talking to a human | am i talking to a bot | am i talking to a robot | is this automated | are u a bot
    | are you a machine | are you ai | is this ai | is this chatgpt | is this a person | is this a human
    | am i chatting with a bot | am i speaking to a bot | talking to a bot | are you a chatbot | you a bot
    | you're a bot | youre a bot | are you even human | is it a bot | human or bot
それとも人間ですか = or a real person | or a human | or human | or a person
    | or with a computer program | or a computer program | or a machine | or with a machine
ロボット = bot | automated | chatbot
自動返信ですか = automatic reply | auto reply
機械 = machine
あなたは誰ですか = who are you | who am i talking to | who is this | who's this | whos this
電話番号は教えたくない = i won't give my phone number | i wont give my phone number | won't give my number
    | rather not give out a phone number | rather not give my phone number | rather not give out my number
    | not giving my phone number | not giving out my number | don't give my number out | dont give my number out
    | skip the phone number | i'll skip the phone number
    | wont give my number | not giving my number | won't give my phone | wont give my phone
    | don't want to give my number | dont want to give my number
教えたくない = i don't want to give | i dont want to give | none of your business | rather not say | not comfortable giving
    | im not telling you | i'm not telling you | prefer not to say | prefer not to give | prefer not to share
なんで聞くの = why do you need | what for | why you need | what do you need it for | why should i give
個人情報 = personal information | privacy
データがあるでしょう = you have my data | you have my info | in your system | you already have my | you have my details
    | you have all my info
そっちで調べて = look it up yourself | look it up | find it yourself | check your system | check your records
名前で調べてください = search my name | find it by my name | find my order by name
番号がわからない = i don't know my order number | i dont know my order number | don't know the order number
    | dont know the order number | lost the email | can't find the order number | cant find the order number
    | no order number | i dont have the number | i don't have the number | don't have the order number
    | dont have the order number | don't have my order number | dont have my order number | don't know my order number
    | dont know my order number | i don't know the order number | i dont know the order number | i don't know the number
    | i dont know the number | don't know the number | dont know the number | lost the number | lost my order number
    | what is my order number | what's my order number | whats my order number | cant find my order number
    | can't find my order number | don't have an order number | dont have an order number
忘れました = forgot
確認 = check | confirm
母 = mother | mom
父 = father
夫 = husband
夫が注文しました = my husband ordered
妻 = wife
妻が注文しました = my wife ordered
上司 = boss
友達 = friend
天気 = weather
お名前は = what's your name | whats your name | what is your name
雨 = rain
台風 = typhoon
地震 = earthquake
野球 = baseball
レシピ = recipe
サッカー = soccer | football
求人 = hiring | job opening
仕事 = job
冗談を言って = tell me a joke
"""
