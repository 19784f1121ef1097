"""Users, their roles and what each role may do: the vocabulary the Workspace, API and pages share."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("analyst", "reviewer", "admin")

# What each action needs. An analyst judges (a dismissal at or above the four-eyes score then
# waits for approval); approving or rejecting such a dismissal takes a reviewer or an admin;
# managing users takes an admin.
PERMISSIONS: dict[str, frozenset[str]] = {
    "judge": frozenset(ROLES),
    "assign": frozenset(ROLES),
    "approve": frozenset({"reviewer", "admin"}),
    "admin": frozenset({"admin"}),
}


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    disabled: bool = False
    created_at: str | None = None

    def may(self, action: str) -> bool:
        return not self.disabled and self.role in PERMISSIONS[action]


__all__ = ["PERMISSIONS", "ROLES", "User"]
