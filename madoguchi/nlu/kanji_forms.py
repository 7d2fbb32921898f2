"""Old and variant forms of kanji (旧字体, 異体字) and the forms in use today, one character for
one: 屆→届, 番號→番号, 淺沼→浅沼, 髙橋→高橋. Older customers write them, and Sudachi, GiNZA and
the classifier know the forms in use; `madoguchi.text.fold_width` reads the message with
these, and the names and addresses keep the customer's own letters (the extractor puts the
original text back)."""

from __future__ import annotations

# Pairs, old form then form in use (the jōyō kanji's old forms, and variants common in names).
_PAIRS = (
    "亞亜 惡悪 壓圧 圍囲 爲為 醫医 壹壱 稻稲 飮飲 隱隠 營営 榮栄 衞衛 驛駅 圓円 鹽塩 緣縁 艷艶 應応 歐欧 毆殴 櫻桜 奧奥 假仮 "
    "價価 畫画 會会 囘回 壞壊 懷懐 繪絵 擴拡 殼殻 覺覚 學学 嶽岳 樂楽 卷巻 陷陥 勸勧 寬寛 關関 歡歓 觀観 顏顔 歸帰 氣気 僞偽 "
    "戲戯 犧犠 舊旧 據拠 擧挙 峽峡 狹狭 鄕郷 曉暁 勳勲 徑径 莖茎 惠恵 揭掲 溪渓 經経 輕軽 繼継 鷄鶏 藝芸 缺欠 儉倹 劍剣 圈圏 "
    "檢検 權権 獻献 縣県 險険 顯顕 驗験 嚴厳 效効 廣広 恆恒 鑛鉱 號号 國国 黑黒 碎砕 濟済 齋斎 齊斉 劑剤 雜雑 參参 慘惨 棧桟 "
    "蠶蚕 贊賛 殘残 絲糸 兒児 辭辞 濕湿 實実 寫写 釋釈 壽寿 收収 從従 澁渋 獸獣 縱縦 肅粛 處処 緖緒 敍叙 將将 奬奨 燒焼 稱称 "
    "證証 乘乗 淨浄 剩剰 疊畳 條条 狀状 讓譲 釀醸 孃嬢 觸触 寢寝 愼慎 眞真 盡尽 圖図 粹粋 醉酔 穗穂 隨随 髓髄 樞枢 數数 瀨瀬 "
    "聲声 靜静 竊窃 攝摂 專専 戰戦 淺浅 潛潜 纖繊 踐践 錢銭 禪禅 雙双 壯壮 爭争 莊荘 搜捜 插挿 巢巣 裝装 總総 騷騒 增増 藏蔵 "
    "臟臓 卽即 屬属 續続 墮堕 體体 對対 帶帯 滯滞 臺台 瀧滝 擇択 澤沢 擔担 單単 膽胆 團団 彈弾 斷断 癡痴 遲遅 晝昼 蟲虫 鑄鋳 "
    "廳庁 聽聴 敕勅 鎭鎮 遞逓 鐵鉄 轉転 點点 傳伝 黨党 盜盗 燈灯 當当 鬪闘 德徳 獨独 讀読 屆届 貳弐 惱悩 腦脳 霸覇 廢廃 拜拝 "
    "賣売 麥麦 發発 髮髪 拔抜 蠻蛮 祕秘 濱浜 甁瓶 拂払 佛仏 竝並 邊辺 邉辺 辨弁 辯弁 瓣弁 舖舗 步歩 寶宝 豐豊 沒没 飜翻 每毎 "
    "萬万 滿満 默黙 譯訳 藥薬 彌弥 豫予 餘余 與与 譽誉 搖揺 樣様 謠謡 來来 賴頼 亂乱 覽覧 龍竜 兩両 獵猟 綠緑 壘塁 淚涙 勵励 "
    "禮礼 隸隷 靈霊 齡齢 戀恋 爐炉 勞労 樓楼 祿禄 灣湾 髙高 﨑崎 嶋島 冨富 㐂喜 黃黄 晚晩 硏研 戾戻 "
    "註注 變変 "  # 註文, 變更: the order and a change in an older writing
)

OLD_FORMS = str.maketrans({pair[0]: pair[1] for pair in "".join(_PAIRS).split()})
