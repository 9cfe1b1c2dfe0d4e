# Fude のお試し用ファイルです。関数を選択して右クリック → 「選択範囲について質問」でチャットに送れます。
# A file to try Fude: select a function, right-click → "Ask about Selection" to send it to the chat.
def mean(values):
    if not values:
        raise ValueError("values must not be empty")
    return sum(values) / len(values)
