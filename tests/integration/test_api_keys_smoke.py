def test_smoke(client, auth):
    r = client.get("/v1/api-keys", headers=auth)
    assert r.status_code == 200, r.text
    assert r.headers["x-request-id"]
    r = client.get("/v1/credits", headers=auth)
    assert r.json()["data"]["balance"] == 1000
    r = client.post("/v1/api-keys", headers=auth, json={"name": "k2", "permissions": ["read"]})
    assert r.status_code == 201, r.text
    assert r.json()["data"]["key"].startswith("wbk_")
    r = client.get("/v1/api-keys", headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_key"
