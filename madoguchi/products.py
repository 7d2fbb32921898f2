"""The product file (`shop/products.yml`): products, のし and wrapping, read once."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from madoguchi.text import nfkc


@dataclass(frozen=True)
class Product:
    """One product as the bot describes it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    price: int
    shelf_life: str
    storage: str
    allergens: tuple[str, ...]
    ingredients: str
    note: str
    tags: tuple[str, ...] = field(default_factory=tuple)

    def mentioned_in(self, text: str) -> bool:
        """The customer names this product."""
        t = nfkc(text)
        return any(nfkc(a) in t for a in (self.name, *self.aliases))


@dataclass(frozen=True)
class Catalog:
    """Products and gift services."""

    products: tuple[Product, ...]
    gift: dict

    def mentioned(self, text: str) -> list[Product]:
        """Products named in a message; a name inside a longer named one does not count
        (水ようかん is not also 本練り羊羹's ようかん)."""
        t = nfkc(text)
        spans: dict[str, list[tuple[int, int]]] = {}
        for p in self.products:
            for alias in {nfkc(a) for a in (p.name, *p.aliases)}:
                start = t.find(alias)
                while start >= 0:
                    spans.setdefault(p.id, []).append((start, start + len(alias)))
                    start = t.find(alias, start + 1)
        longer = [(s, e, pid) for pid, found in spans.items() for s, e in found]

        def covered(pid: str, s: int, e: int) -> bool:
            return any(o != pid and os <= s and e <= oe and (oe - os) > (e - s) for os, oe, o in longer)

        return [
            p for p in self.products
            if p.id in spans and not all(covered(p.id, s, e) for s, e in spans[p.id])
        ]


def load_catalog(path: Path) -> Catalog:
    """Read and check a product file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    products = tuple(
        Product(
            id=p["id"],
            name=p["name"],
            aliases=tuple(p.get("aliases", [])),
            price=int(p["price"]),
            shelf_life=p["shelf_life"],
            storage=p["storage"],
            allergens=tuple(p.get("allergens", [])),
            ingredients=p.get("ingredients", ""),
            note=p.get("note", ""),
            tags=tuple(p.get("tags", [])),
        )
        for p in data["products"]
    )
    return Catalog(products=products, gift=data.get("gift", {}))


@functools.lru_cache(maxsize=None)
def product_catalog() -> Catalog:
    """The shop's products, read once per process."""
    from madoguchi.settings import settings

    return load_catalog(settings().products_file)
