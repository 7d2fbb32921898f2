import json, uuid
from madoguchi.store import operators
from tests.e2e.conftest import post_json

def test_debug(stack):
    s = uuid.uuid4().hex
    print("FRESH", stack.say(s, "送料はいくらですか"))
    s2 = uuid.uuid4().hex
    print("H", stack.say(s2, "オペレーターと話したい"))
    operators.add(stack.db, "dbgop", "password123")
    tok = post_json(f"{stack.web}/api/login", {"username": "dbgop", "password": "password123"})["token"]
    from madoguchi.store import handoffs
    h = handoffs.open_for(stack.db, s2)
    print("REL", post_json(f"{stack.web}/api/handoffs/{h.id}/release", {}, {"Authorization": f"Bearer {tok}"}))
    print("AFTER", stack.say(s2, "送料はいくらですか"))
    t = stack.tracker(s2)
    for e in t["events"]:
        print(json.dumps({k: e.get(k) for k in ("event","name","text","policy","confidence")}, ensure_ascii=False), (e.get("parse_data") or {}).get("intent"))
