from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from service.db import Audited, Base, UuidPk, Versioned


class Customer(UuidPk, Audited, Versioned, Base):
    __tablename__ = "customer"
    __table_args__ = (sa.Index("uq_customer_name_key", "name_key", unique=True),)

    name: Mapped[str] = mapped_column(sa.String(200))
    # folded name (lower case, no accents) for search and uniqueness
    name_key: Mapped[str] = mapped_column(sa.String(200))
    industry: Mapped[str | None] = mapped_column(sa.String(200))
    country: Mapped[str | None] = mapped_column(sa.String(100))
    contact_name: Mapped[str | None] = mapped_column(sa.String(200))
    contact_email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(50))
    notes: Mapped[str | None] = mapped_column(sa.Text)
